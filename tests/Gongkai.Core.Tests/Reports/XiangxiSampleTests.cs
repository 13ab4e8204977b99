using Gongkai.Core.Reports;
using static Gongkai.Core.Tests.Reports.SampleFigures;

namespace Gongkai.Core.Tests.Reports;

/// <summary>
/// samples/xiangxi-2017.txt: 湘西州's 2017 政府信息公开情况统计表, typed in cell by cell (blank cells left absent). Domain §5
/// names its two errors: 101 reconsiderations against 56 + 24 + 1 = 81 outcomes, and 248071 items in total against
/// 230389 summed over channels — more than the sum, which 「相同的信息列为1条」 can never give.
/// </summary>
public class XiangxiSampleTests
{
    private static readonly ReportFigures Table = Legacy(
    [
        ("proactive.total", 248071), ("proactive.normative_documents", 253), ("proactive.normative_documents_issued", 253),
        ("proactive.by_channel.gazette", 2137), ("proactive.by_channel.website", 181049), ("proactive.by_channel.weibo", 1202),
        ("proactive.by_channel.wechat", 764), ("proactive.by_channel.other", 45237),
        ("response.hot_topics", 147), ("response.by_channel.press_conferences", 28), ("response.by_channel.press_conferences.by_leaders", 28),
        ("response.by_channel.interviews", 6), ("response.by_channel.interviews.by_leaders", 6), ("response.by_channel.interpretations", 125),
        ("response.by_channel.weibo_wechat", 0), ("response.by_channel.other", 45237),
        // 传真申请数, 延期办结数, 申请答复数 and every answer row but 同意公开 are blank.
        ("applications.received", 15), ("applications.received.in_person", 1), ("applications.received.online", 12),
        ("applications.received.letter", 2),
        ("applications.closed", 15), ("applications.closed.on_time", 15),
        ("applications.answers.agreed", 15),
        ("reconsideration", 101), ("reconsideration.upheld", 56), ("reconsideration.corrected", 24), ("reconsideration.other", 1),
        ("litigation", 2), ("litigation.upheld", 2),
        ("complaints", 0), ("fees", 0),
        ("capacity.offices", 9), ("capacity.reading_points", 123), ("capacity.staff", 776),
        ("capacity.staff.full_time", 42), ("capacity.staff.part_time", 734), ("capacity.budget", 65),
        ("training.meetings", 30), ("training.courses", 32), ("training.trainees", 3155),
    ]);

    [Fact]
    public void Every_typed_figure_should_be_a_cell_of_the_legacy_table() =>
        Assert.All(Table.Keys, k => Assert.NotNull(ReportLayouts.Legacy.Cell(k)));

    [Fact]
    public void The_2017_table_should_raise_exactly_the_two_errors_domain_section_5_names()
    {
        var findings = ReportChecks.Run(ReportForms.ForYear(2017), Table);

        Assert.Equal(["legacy.proactive.channels", "legacy.reconsideration"], findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));

        // 一、主动公开情况: 2137 + 181049 + 1202 + 764 + 45237 = 230389 < 248071.
        var channels = findings[0];
        Assert.Contains("248071", channels.Message);
        Assert.Contains("2137 + 181049 + 1202 + 764 + 45237 = 230389", channels.Message);
        Assert.Contains("多17682", channels.Message);
        Assert.Equal(6, channels.Evidence.Count);

        // 四、行政复议数量: 101 against 56 + 24 + 1 = 81.
        var reconsideration = findings[1];
        Assert.StartsWith("统计表「四、行政复议数量」为101，", reconsideration.Message);
        Assert.Contains("56 + 24 + 1 = 81", reconsideration.Message);
        Assert.Contains("相差20", reconsideration.Message);
        Assert.Equal(
            [("legacy.reconsideration", 101m), ("legacy.reconsideration.upheld", 56m), ("legacy.reconsideration.corrected", 24m), ("legacy.reconsideration.other", 1m)],
            reconsideration.Evidence.Select(e => (e.Key, e.Figure.Value)));
    }

    [Fact]
    public void The_2017_summary_should_read_the_table_as_issue_6_reports_it()
    {
        var summary = ReportSummary.From(ReportForm.Legacy, Table);
        Assert.Equal(248071, summary["proactive.total"]!.Value.Value);
        Assert.Equal(15, summary["applications.received"]!.Value.Value);
        Assert.Equal(101, summary["reconsideration.total"]!.Value.Value);
        Assert.False(summary.Has("applications.by_channel.fax"));   // blank in the table
    }
}
