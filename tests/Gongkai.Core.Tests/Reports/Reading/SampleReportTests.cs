using System.Reflection;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>The three published reports of /work/shared/samples, read from their raw text.</summary>
public class SampleReportTests
{
    /// <summary>The figures <see cref="XiangxiSampleTests"/> typed in by hand, cell by cell: the reader must give the same.</summary>
    private static readonly ReportFigures TypedXiangxi = (ReportFigures)typeof(XiangxiSampleTests)
        .GetField("Table", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Xiangxi_2017_should_read_as_a_legacy_report_of_its_unit_and_year()
    {
        var read = ReportReader.Read(ReadingFiles.Sample("xiangxi-2017"));
        Assert.Equal((ReportForm.Legacy, "湘西州", 2017), (read.Form, read.Unit, read.Year));
        Assert.Empty(read.Notes);
    }

    [Fact]
    public void Xiangxi_2017_table_should_give_exactly_the_hand_typed_figures()
    {
        var read = ReportReader.Read(ReadingFiles.Sample("xiangxi-2017"));
        var cells = read.Figures.Keys.Where(k => k.StartsWith("legacy.", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(TypedXiangxi.Keys.Order(), cells);
        Assert.All(TypedXiangxi.Values, v => Assert.Equal(v.Value, read.Figures[v.Key]));
        // Blank cells stay absent; 「(三)从事政府信息公开工作人数员」 (a typo in the source) still finds its row.
        Assert.False(read.Figures.Has("legacy.applications.received.fax"));
        Assert.Equal("(三)从事政府信息公开工作人数员 … 776", read.Evidence["legacy.capacity.staff"]);
    }

    [Fact]
    public void Xiangxi_2017_prose_should_agree_with_its_table()
    {
        var read = ReportReader.Read(ReadingFiles.Sample("xiangxi-2017"));
        Assert.Equal(248071, read.Figures["proactive.total"]!.Value.Value);
        Assert.Equal(15, read.Figures["applications.received"]!.Value.Value);
        Assert.Equal(101, read.Figures["reconsideration.total"]!.Value.Value);
        Assert.Equal(2, read.Figures["litigation.total"]!.Value.Value);
        Assert.Equal(45237, read.Figures["proactive.by_channel.other"]!.Value.Value);
        Assert.Equal(0, read.Figures["fees"]!.Value.Value);
        Assert.Equal("全州2017年受理政府信息公开行政复议案件101件", read.Evidence["reconsideration.total"]);
    }

    [Fact]
    public void Xiangxi_2017_audit_should_find_exactly_the_two_errors_domain_section_5_names()
    {
        var read = ReportReader.Read(ReadingFiles.Sample("xiangxi-2017"));
        var findings = ReportAudit.Run(read);

        Assert.Equal(["legacy.proactive.channels", "legacy.reconsideration"], findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Contains("2137 + 181049 + 1202 + 764 + 45237 = 230389", findings[0].Message);
        Assert.Contains("56 + 24 + 1 = 81", findings[1].Message);
        var quotes = ReportAudit.Quotes(read, findings[1]);
        Assert.Equal("四、行政复议数量 … 101", quotes[0].Quote);
        Assert.Equal("(一)维持具体行政行为数 … 56", quotes[1].Quote);
    }

    [Fact]
    public void Changsha_2018_should_read_its_prose_and_find_the_sub_units_that_exceed_the_whole()
    {
        var read = ReportReader.Read(ReadingFiles.Sample("changsha-2018"));
        Assert.Equal((ReportForm.Legacy, "长沙市人民政府", 2018), (read.Form, read.Unit, read.Year));
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["proactive.total"] = 1_422_000,
            ["applications.received"] = 283,
            ["applications.by_channel.in_person"] = 32,
            ["applications.by_channel.letter"] = 232,
            ["applications.by_channel.online"] = 19,
            ["reconsideration.total"] = 15,
            ["litigation.total"] = 24,
            ["fees"] = 0,
        }, read.Figures.Values.ToDictionary(v => v.Key, v => v.Value.Value));
        Assert.Equal("本市主动公开政府信息142.2万条", read.Evidence["proactive.total"]);

        // Domain §5: 97.8万 + 47.4万 = 145.2万 > 142.2万 — a real error, beyond any rounding of 0.1万. The growth
        // 242 → 283 (16.94%) and the channels 32 + 232 + 19 = 283 are right and raise nothing.
        var finding = Assert.Single(ReportAudit.Run(read));
        Assert.Equal(("prose.parts_of_whole", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("市级机关97.8万 + 区级机关47.4万 = 145.2万，超过了所述总数142.2万（多3万）", finding.Message);   // as the report writes them, not 978000
        Assert.Equal(["本市主动公开政府信息142.2万条", "市级机关97.8万条", "区级机关47.4万条"], ReportAudit.Quotes(read, finding).Select(q => q.Quote));
    }

    [Fact]
    public void Kaifu_2012_should_read_its_prose_and_raise_nothing()
    {
        var read = ReportReader.Read(ReadingFiles.Sample("kaifu-2012"));
        Assert.Equal((ReportForm.Legacy, "长沙市开福区", 2012), (read.Form, read.Unit, read.Year));
        Assert.Equal(6911, read.Figures["proactive.total"]!.Value.Value);
        Assert.Equal(118, read.Figures["applications.received"]!.Value.Value);
        Assert.Equal(2, read.Figures.Count);
        // Eight categories with percentages: 292 / 6911 = 4.2251% printed 4.22 (truncated) is within the last digit.
        Assert.Empty(ReportAudit.Run(read));
    }
}
