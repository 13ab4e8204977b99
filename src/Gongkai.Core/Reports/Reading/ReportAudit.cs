namespace Gongkai.Core.Reports.Reading;

/// <summary>A finding's evidence with the text each figure was read from, and whether that text was recognised from an image.</summary>
public sealed record QuotedEvidence(string Key, Figure Figure, string? Quote, bool Ocr = false);

/// <summary>
/// Audits a read report (issue 6): every data-logic check of domain §5 on its figures (<see cref="ReportChecks"/>,
/// including <c>narrative.matches_table</c> for each summary figure the prose states and the tables give), then the
/// arithmetic of its prose (<see cref="ProseChecks"/>: <c>prose.parts_of_whole</c>, <c>prose.parts_total</c>,
/// <c>prose.percent</c>, <c>prose.year_on_year</c>); a check resting on a figure recognised from an image is at most a
/// warning (<see cref="Soften"/>).
/// </summary>
public static class ReportAudit
{
    public static IReadOnlyList<Finding> Run(ReadReport report) =>
        [.. ReportChecks.Run(report.Form, report.Figures).Concat(ProseChecks.Run(report.Text)).Select(f => Soften(f, e => report.IsOcr(e.Key)))];

    /// <summary>What a softened finding's message ends with.</summary>
    public const string OcrCaution = "（所依据的数字由OCR从图片识别，可能识别有误，请与原件核对，故只作警告。）";

    /// <summary>
    /// The rule for figures recognised from an image (issue 18): OCR can misread a digit, so a disagreement it shows may
    /// be its own; an error resting on such a figure (<paramref name="recognised"/>) is a warning that says so.
    /// </summary>
    public static Finding Soften(Finding finding, Func<Evidence, bool> recognised) =>
        finding.Severity == Severity.Error && finding.Evidence.Any(recognised)
            ? finding with { Severity = Severity.Warning, Message = finding.Message + OcrCaution }
            : finding;

    /// <summary>The evidence of <paramref name="finding"/> with the quoted text behind each figure.</summary>
    public static IReadOnlyList<QuotedEvidence> Quotes(ReadReport report, Finding finding) =>
        [.. finding.Evidence.Select(e => new QuotedEvidence(e.Key, e.Figure, report.Quote(e.Key), report.IsOcr(e.Key)))];
}
