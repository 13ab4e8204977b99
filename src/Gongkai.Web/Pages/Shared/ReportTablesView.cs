using Gongkai.Core.Reports;

namespace Gongkai.Web.Pages.Shared;

/// <summary>What <c>_ReportTables.cshtml</c> renders: every table of a form, with the figures a report states.</summary>
/// <param name="CellHref">Staff pages: where a cell's figure links to (the records behind it); null on the portal.</param>
/// <param name="Entered">Cells holding an entered figure, marked 「录」.</param>
/// <param name="Inputs">The entry form: each cell an input named <c>f[key]</c> with this value; the figures show as placeholders.</param>
/// <param name="Recognised">Cells whose figure was recognised from an image (the audit of a scanned PDF), marked 「识」.</param>
public sealed record ReportTablesView(ReportLayout Layout, ReportFigures Figures, Func<string, string>? CellHref = null,
    IReadOnlySet<string>? Entered = null, IReadOnlyDictionary<string, string>? Inputs = null, IReadOnlySet<string>? Recognised = null);
