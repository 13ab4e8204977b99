using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>
/// Reports the team wrote in every layout issue 6 lists (Written/: one cell per line, pipes, tabs with split headers,
/// HTML, 「/」「-」 zeros, a traditional copy with pinyin noise, the 2019 form, a legacy 统计表), each against its JSON.
/// </summary>
public class WrittenReportTests
{
    public static TheoryData<string> Names => [.. ReadingFiles.WrittenNames()];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_written_report_should_read_as_its_expected_json(string name)
    {
        var expected = ReadingFiles.ExpectedFor(name);
        var read = ReportReader.Read(ReadingFiles.Written(name));

        Assert.Equal((expected.Form, expected.Unit, expected.Year), (read.Form, read.Unit, read.Year));
        Assert.Equal(expected.Figures.Keys.Order(), read.Figures.Keys.Order());
        Assert.All(expected.Figures.Values, v => Assert.Equal(v.Value, read.Figures[v.Key]));
        Assert.All(read.Figures.Keys, k => Assert.False(string.IsNullOrWhiteSpace(read.Evidence[k])));
        Assert.Empty(read.Notes);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_written_report_should_raise_exactly_its_expected_findings(string name)
    {
        var expected = ReadingFiles.ExpectedFor(name);
        var findings = ReportAudit.Run(ReportReader.Read(ReadingFiles.Written(name)));
        Assert.Equal(expected.Findings, findings.Select(f => (f.Rule, Finding.SeverityCode(f.Severity))));
    }

    [Fact]
    public void A_narrative_figure_that_differs_from_table_3_should_be_an_error_quoting_both()
    {
        var read = ReportReader.Read(ReadingFiles.Written("w2021-pipes"));
        var finding = Assert.Single(ReportAudit.Run(read));
        Assert.Equal("narrative.matches_table", finding.Rule);
        Assert.Equal([("applications.received", 170m), ("t3.received.total", 168m)], finding.Evidence.Select(e => (e.Key, e.Figure.Value)));
        var quotes = ReportAudit.Quotes(read, finding).Select(q => q.Quote).ToList();
        Assert.Equal("本年度共收到政府信息公开申请170件", quotes[0]);
        Assert.Equal("一、本年新收政府信息公开申请数量 … 168", quotes[1]);
    }

    [Fact]
    public void A_table_4_group_that_does_not_add_up_should_be_found_in_html()
    {
        var read = ReportReader.Read(ReadingFiles.Written("w2021-html"));
        var finding = ReportAudit.Run(read)[0];
        Assert.Equal(("t4.group_total", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("6 + 2 + 1 + 1 = 10", finding.Message);
        Assert.Equal(11, finding.Evidence[0].Figure.Value);
    }

    [Fact]
    public void Prose_errors_in_the_legacy_report_should_quote_the_sentence()
    {
        var read = ReportReader.Read(ReadingFiles.Written("wlegacy-tabs"));
        var findings = ReportAudit.Run(read);

        var parts = findings.Single(f => f.Rule == "prose.parts_of_whole");
        Assert.Contains("区本级2100 + 街道3300 = 5400，超过了所述总数5230（多170）", parts.Message);
        Assert.Equal(["全年主动公开政府信息5230条", "区本级2100条", "街道3300条"], ReportAudit.Quotes(read, parts).Select(q => q.Quote));

        var growth = findings.Single(f => f.Rule == "prose.year_on_year");
        Assert.Equal(Severity.Error, growth.Severity);
        Assert.Contains("由32到40，变化为25%，而文中写20%", growth.Message);
        Assert.Equal([40m, 32m], growth.Evidence.Select(e => e.Figure.Value));
    }

    [Fact]
    public void Approximate_prose_figures_should_stay_marked_approximate()
    {
        var read = ReportReader.Read(ReadingFiles.Written("w2021-lines"));
        Assert.Equal(new Figure(32000, Approximate: true), read.Figures["proactive.total"]);
        Assert.Equal("全年主动公开政府信息3.2万余条", read.Evidence["proactive.total"]);
    }
}
