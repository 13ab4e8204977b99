using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>
/// Figures recognised from an image (a scanned PDF's pages, issue 18) are marked, and a check resting on one is at most a
/// warning: OCR can misread a digit where the report is right.
/// </summary>
public class OcrTextTests
{
    /// <summary>w2021-pipes says 170 applications in its text and 168 in table 三: an error when read as text.</summary>
    private static string Pipes => ReadingFiles.Written("w2021-pipes");

    private static (string Prose, string Tables) Halves()
    {
        var at = Pipes.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal);
        return (Pipes[..at], Pipes[at..]);
    }

    [Fact]
    public void A_disagreement_read_from_a_scan_should_be_a_warning_that_says_the_figures_were_recognised()
    {
        var read = ReportReader.Read([new TextPart(Pipes, Ocr: true)]);

        var finding = Assert.Single(ReportAudit.Run(read));
        Assert.Equal(("narrative.matches_table", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.EndsWith(ReportAudit.OcrCaution, finding.Message);
        Assert.All(ReportAudit.Quotes(read, finding), q => Assert.True(q.Ocr));
        Assert.All(read.Figures.Keys, key => Assert.True(read.IsOcr(key), key));
    }

    [Fact]
    public void A_scan_should_read_the_same_figures_as_the_same_text()
    {
        var text = ReportReader.Read(Pipes);
        var scan = ReportReader.Read([new TextPart(Pipes, Ocr: true)]);

        Assert.Equal((text.Form, text.Unit, text.Year, text.Figures), (scan.Form, scan.Unit, scan.Year, scan.Figures));
        Assert.Null(text.Ocr);
        Assert.False(text.IsOcr("applications.received"));
    }

    [Fact]
    public void Only_the_figures_of_the_recognised_pages_should_be_marked()
    {
        var (prose, tables) = Halves();
        var read = ReportReader.Read([new TextPart(prose, Ocr: false), new TextPart(tables, Ocr: true)]);

        Assert.False(read.IsOcr("applications.received"));   // 「共收到政府信息公开申请170件」, on the text page
        Assert.True(read.IsOcr("t3.received.total"));         // table 三, on the scanned page
        Assert.False(read.Figures.Has("applications.carried_forward"));
        Assert.True(read.IsOcr("applications.carried_forward"));   // not read but derived from the cells: as they are
        var finding = Assert.Single(ReportAudit.Run(read));
        Assert.Equal(Severity.Warning, finding.Severity);     // 170 is text, 168 is recognised: the check rests on both
        Assert.Equal([false, true], ReportAudit.Quotes(read, finding).Select(q => q.Ocr));
    }

    [Fact]
    public void A_prose_error_on_a_text_page_should_stay_an_error_beside_a_scanned_page()
    {
        const string Title = "某区2019年政府信息公开工作年度报告\n";
        const string Sum = "收到申请的方式：现场申请32件、信函申请232件、网上申请19件，合计280件。";

        var onText = ReportAudit.Run(ReportReader.Read([new TextPart(Title + Sum, Ocr: false), new TextPart("（盖章页）", Ocr: true)]));
        var onScan = ReportAudit.Run(ReportReader.Read([new TextPart(Title, Ocr: false), new TextPart(Sum, Ocr: true)]));

        Assert.Equal(("prose.parts_total", Severity.Error), (Assert.Single(onText).Rule, onText[0].Severity));
        Assert.Equal(("prose.parts_total", Severity.Warning), (Assert.Single(onScan).Rule, onScan[0].Severity));
    }

    [Fact]
    public void Softening_should_leave_warnings_and_errors_without_recognised_figures_as_they_are()
    {
        var error = new Finding("t3.balance", Severity.Error, "不平衡。", [new Evidence("t3.received.total", 5)]);
        var warning = error with { Severity = Severity.Warning };

        Assert.Same(error, ReportAudit.Soften(error, _ => false));
        Assert.Same(warning, ReportAudit.Soften(warning, _ => true));
        Assert.Equal((Severity.Warning, "不平衡。" + ReportAudit.OcrCaution), ReportAudit.Soften(error, _ => true) is var soft ? (soft.Severity, soft.Message) : default);
    }
}
