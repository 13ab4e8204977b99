using Gongkai.Core.Reports;
using static Gongkai.Core.Tests.Reports.SampleFigures;

namespace Gongkai.Core.Tests.Reports;

/// <summary>What all checks share: blanks are allowed, approximate figures give at most a warning, prose against tables.</summary>
public class ReportChecksTests
{
    [Fact]
    public void Every_rule_should_have_a_unique_stable_id()
    {
        var ids = ReportChecks.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("t3.balance", ids);
        Assert.Contains("legacy.proactive.channels", ids);
    }

    [Fact]
    public void Blank_cells_should_be_allowed_and_raise_nothing()
    {
        // Blanks: a table with only 一, （一） and 总计 filled, and a report with no figures at all.
        Assert.Empty(ReportFigures.Empty.Check());
        Assert.Empty(ReportFigures.Empty.Check(ReportForm.Legacy));
        var sparse = ReportFigures.Empty
            .With(T3("received", "natural_person"), 5).With(T3("received", "total"), 5)
            .With(T3("outcomes.disclosed", "total"), 3).With(T3("outcomes.total", "total"), 5);
        Assert.Empty(sparse.Check());
    }

    [Fact]
    public void Blank_parts_should_not_count_as_zero_unless_the_stated_parts_already_exceed_the_total()
    {
        // t3.row_total with 商业企业 … 其他 blank: 5 of 8 is no finding; 9 of 8 is an error whatever the blanks hold.
        var row = ReportFigures.Empty.With(T3("received", "total"), 8).With(T3("received", "natural_person"), 5);
        Assert.Empty(row.Check());
        var finding = Assert.Single(row.With(T3("received", "natural_person"), 9).Check());
        Assert.Equal(("t3.row_total", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("另有5项空白", finding.Message);
    }

    [Fact]
    public void A_disagreement_involving_an_approximate_figure_should_be_at_most_a_warning()
    {
        // t4.group_total with 「约」 on the total: far off → warning; within 10% → nothing.
        var figures = ReportFigures.Empty.With("t4.reconsideration.upheld", 40).With("t4.reconsideration.corrected", 10)
            .With("t4.reconsideration.other", 0).With("t4.reconsideration.pending", 0);
        var far = Assert.Single(figures.With("t4.reconsideration.total", new Figure(80, Approximate: true)).Check());
        Assert.Equal(("t4.group_total", Severity.Warning), (far.Rule, far.Severity));
        Assert.Contains("约80", far.Message);
        Assert.Contains("涉及约数", far.Message);
        Assert.True(far.Evidence[0].Figure.Approximate);
        Assert.Empty(figures.With("t4.reconsideration.total", new Figure(52, Approximate: true)).Check());
        Assert.Equal(Severity.Error, Assert.Single(figures.With("t4.reconsideration.total", 52).Check()).Severity);
    }

    [Fact]
    public void A_number_the_text_states_should_match_the_table()
    {
        // narrative.matches_table — 「共收到申请…件」 against 一、本年新收 总计; 「14万余」-style figures are not exact.
        var figures = National();
        var table = figures[T3("received", "total")]!.Value.Value;
        Assert.Empty(figures.With("applications.received", table).Check());
        var finding = Assert.Single(figures.With("applications.received", table + 3).Check());
        Assert.Equal(("narrative.matches_table", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("正文所述收到（本年新收）申请数", finding.Message);
        Assert.Empty(figures.With("applications.received", new Figure(table + 3, Approximate: true)).Check());
        var litigation = figures.With("litigation.total", 1).Check();
        Assert.Contains("表格中2个单元格之和", Assert.Single(litigation).Message);
    }
}
