namespace Gongkai.Core.Reports.Reading;

/// <summary>A finding's evidence with the text each figure was read from.</summary>
public sealed record QuotedEvidence(string Key, Figure Figure, string? Quote);

/// <summary>
/// Audits a read report (issue 6): every data-logic check of domain §5 on its figures (<see cref="ReportChecks"/>,
/// including <c>narrative.matches_table</c> for each summary figure the prose states and the tables give), then the
/// arithmetic of its prose (<see cref="ProseChecks"/>: <c>prose.parts_of_whole</c>, <c>prose.parts_total</c>,
/// <c>prose.percent</c>, <c>prose.year_on_year</c>).
/// </summary>
public static class ReportAudit
{
    public static IReadOnlyList<Finding> Run(ReadReport report) =>
        [.. ReportChecks.Run(report.Form, report.Figures), .. ProseChecks.Run(report.Text)];

    /// <summary>The evidence of <paramref name="finding"/> with the quoted text behind each figure.</summary>
    public static IReadOnlyList<QuotedEvidence> Quotes(ReadReport report, Finding finding) =>
        [.. finding.Evidence.Select(e => new QuotedEvidence(e.Key, e.Figure, report.Quote(e.Key)))];
}
