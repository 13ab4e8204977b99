using Gongkai.Core.Reports;
using static Gongkai.Core.Tests.Reports.SampleFigures;

namespace Gongkai.Core.Tests.Reports;

/// <summary>The summary keys of issue 6, derived from the cells of each form.</summary>
public class ReportSummaryTests
{
    private static decimal Value(ReportFigures figures, string key) => figures[key]!.Value.Value;

    [Fact]
    public void The_2021_summary_should_take_table_three_totals_and_add_both_kinds_of_suit()
    {
        var cells = National();
        var summary = ReportSummary.From(ReportForm.Form2021, cells);
        Assert.Equal(Value(cells, T3("received", "total")), Value(summary, "applications.received"));
        Assert.Equal(Value(cells, T3("carried_over", "total")), Value(summary, "applications.carried_over"));
        Assert.Equal(Value(cells, T3("carried_forward", "total")), Value(summary, "applications.carried_forward"));
        Assert.Equal(Value(cells, T3("outcomes.total", "total")), Value(summary, "applications.outcomes.total"));
        // （三）不予公开 has no cells of its own: its summary is the sum of sub-rows 1–8.
        var withheld = new[] { "state_secret", "prohibited_by_law", "security_stability", "third_party_rights", "internal_affairs",
            "process_information", "enforcement_case_file", "administrative_query" }.Sum(r => Value(cells, T3($"outcomes.withheld.{r}", "total")));
        Assert.Equal(withheld, Value(summary, "applications.outcomes.withheld"));
        Assert.Equal(
            ReportKeys.ApplicantColumns.Skip(1).Sum(c => Value(cells, T3("received", c))),
            Value(summary, "applications.by_applicant.legal_total"));
        // Table 四: 行政诉讼 = 未经复议直接起诉 + 复议后起诉.
        Assert.Equal(8 + 10, Value(summary, "litigation.total"));  // SampleFigures: direct 4+1+1+2, after 5+1+2+2
        Assert.Equal(4 + 5, Value(summary, "litigation.upheld"));
        Assert.Equal(3, Value(summary, "reconsideration.upheld"));
        Assert.Equal(2, Value(summary, "reconsideration.pending"));
        var outcomes = new[] { "disclosed", "partially_disclosed", "withheld", "cannot_provide", "not_processed", "other" }
            .Sum(c => Value(summary, $"applications.outcomes.{c}"));
        Assert.Equal(Value(summary, "applications.outcomes.total"), outcomes);
    }

    [Fact]
    public void The_2019_summary_of_other_handling_should_read_its_single_row()
    {
        var cells = ReportFigures.Empty.With(T3("outcomes.other", "total"), 4);
        Assert.Equal(4, Value(ReportSummary.From(ReportForm.Form2019, cells), "applications.outcomes.other"));
        Assert.False(ReportSummary.From(ReportForm.Form2021, cells).Has("applications.outcomes.other"));
    }

    [Fact]
    public void A_summary_should_be_absent_when_a_cell_behind_it_is_blank_and_approximate_when_one_is()
    {
        var cells = ReportFigures.Empty.With("t4.litigation.direct.total", 3);
        Assert.False(ReportSummary.From(ReportForm.Form2021, cells).Has("litigation.total"));
        var both = cells.With("t4.litigation.after_reconsideration.total", new Figure(10, Approximate: true));
        Assert.Equal(new Figure(13, Approximate: true), ReportSummary.From(ReportForm.Form2021, both)["litigation.total"]);
    }

    [Fact]
    public void The_legacy_summary_should_name_the_answers_channels_and_cases()
    {
        var summary = ReportSummary.From(ReportForm.Legacy, Legacy());
        Assert.Equal(900, Value(summary, "proactive.total"));
        Assert.Equal(880, Value(summary, "proactive.by_channel.website"));
        Assert.Equal(40, Value(summary, "applications.received"));
        Assert.Equal(25, Value(summary, "applications.by_channel.online"));
        Assert.Equal(15, Value(summary, "applications.answers.agreed"));
        Assert.Equal(2, Value(summary, "applications.answers.correction"));
        Assert.Equal(3, Value(summary, "reconsideration.total"));
        Assert.Equal(1, Value(summary, "litigation.upheld"));
        Assert.Equal(0, Value(summary, "fees"));
        Assert.False(summary.Has("reconsideration.pending"));  // the 统计表 has no 尚未审结
    }
}
