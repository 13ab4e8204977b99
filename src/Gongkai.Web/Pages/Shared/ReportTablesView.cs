using Gongkai.Core.Reports;

namespace Gongkai.Web.Pages.Shared;

/// <summary>What <c>_ReportTables.cshtml</c> renders: every table of a form, with the figures a report states.</summary>
public sealed record ReportTablesView(ReportLayout Layout, ReportFigures Figures);
