using Gongkai.Core.Reports;
using Gongkai.Core.Units;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Figures entered or imported instead of counted (<see cref="EnteredFigures"/>), 同比 and the publication deadlines.</summary>
public class EnteredFiguresTests
{
    [Theory]
    [InlineData("2021", "t2.licensing.decisions", "12", null)]                    // 第二十条第（五）项 行政许可
    [InlineData("2021", "t2.fees.amount", "3.25", null)]                          // 行政事业性收费 万元
    [InlineData("2021", "t2.licensing.decisions", "1.5", "应为整数")]
    [InlineData("2021", "t2.fees.amount", "-1", "不能为负数")]
    [InlineData("2019", "t2.licensing.change", "-7", null)]                       // 2019 form 本年增/减 may be negative
    [InlineData("2021", "t2.licensing.change", "3", "不是")]                      // the 2021 form has no 本年增/减
    [InlineData("legacy", "legacy.applications.received", "283", null)]
    [InlineData("legacy", "legacy.fees", "0.0125", null)]                                // 统计表 七、收取的费用 (万元)
    [InlineData("legacy", "legacy.fees", "0.00001", "四位小数")]
    public void An_entered_figure_should_be_refused_only_where_the_form_does_not_allow_it(string form, string key, string value, string? problem)
    {
        var found = EnteredFigures.Problem(ReportForms.FromCode(form), key, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        if (problem is null)
            Assert.Null(found);
        else
            Assert.Contains(problem, found);
    }

    [Fact]
    public void Entered_cells_should_stand_in_for_counted_ones_and_a_jurisdiction_should_add_up_what_units_state()
    {
        var counted = ReportFigures.Empty.With("t3.received.total", 5).With("t2.rules.issued", 1);
        var entered = ReportFigures.Empty.With("t3.received.total", 7).With("t2.licensing.decisions", 40);
        var unit = EnteredFigures.Overlay(counted, entered);
        Assert.Equal(7m, unit["t3.received.total"]!.Value.Value);
        Assert.Equal(1m, unit["t2.rules.issued"]!.Value.Value);
        Assert.Equal(40m, unit["t2.licensing.decisions"]!.Value.Value);

        var other = ReportFigures.Empty.With("t3.received.total", 3);
        var sum = EnteredFigures.Sum([unit, other]);
        Assert.Equal(10m, sum["t3.received.total"]!.Value.Value);
        Assert.Equal(40m, sum["t2.licensing.decisions"]!.Value.Value);   // the unit that leaves it blank adds nothing
        Assert.False(sum.Has("t2.penalties.decisions"));                  // no unit states it: still blank, not 0
    }

    [Fact]
    public void Year_on_year_should_compare_the_main_totals_across_forms_through_the_summary_keys()
    {
        var y2019 = ReportFigures.Empty.With(ReportKeys.Table3Cell("received", "total"), 120).With(ReportKeys.Table4Cell("reconsideration", "total"), 4)
            .With(ReportKeys.Table4Cell("litigation.direct", "total"), 1).With(ReportKeys.Table4Cell("litigation.after_reconsideration", "total"), 1);
        var y2018 = ReportFigures.Empty.With(ReportKeys.LegacyCell("applications.received"), 100).With(ReportKeys.LegacyCell("reconsideration"), 0)
            .With(ReportKeys.LegacyCell("litigation"), 3);
        var changes = YearOnYear.Compare(ReportForm.Form2019, y2019, ReportForm.Legacy, y2018).ToDictionary(c => c.Key);

        Assert.Equal(["applications.received", "reconsideration.total", "litigation.total"], changes.Keys);
        Assert.Equal((120m, 100m, 20m, 20.0m), (changes["applications.received"].ThisYear.Value, changes["applications.received"].LastYear.Value,
            changes["applications.received"].Change, changes["applications.received"].Percent));
        Assert.Null(changes["reconsideration.total"].Percent);              // from 0: no percentage
        Assert.Equal(-33.3m, changes["litigation.total"].Percent);          // 2 against 3
    }

    [Theory]
    [InlineData(UnitKind.Department, 2024, "2025-01-31")]     // 条例第四十九条: departments by 31 January
    [InlineData(UnitKind.Township, 2024, "2025-01-31")]
    [InlineData(UnitKind.Government, 2024, "2025-03-31")]     // the government's report by 31 March
    [InlineData(UnitKind.Department, 2018, "2019-03-31")]     // 2008 条例第三十一条: all by 31 March
    public void A_report_should_be_due_by_the_day_the_regulation_sets(UnitKind kind, int year, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), ReportDeadline.For(kind, year));
}

public class PublicationTimelinessTests
{
    private static readonly DateOnly Deadline = new(2025, 1, 31);   // 条例第四十九条, a department's 2024 report

    [Theory]
    [InlineData("2025-01-31", "2025-03-01", PublicationTimeliness.OnTime)]   // the deadline day itself is in time
    [InlineData("2025-02-01", "2025-03-01", PublicationTimeliness.Late)]
    [InlineData(null, "2025-02-01", PublicationTimeliness.Overdue)]
    [InlineData(null, "2025-01-31", PublicationTimeliness.NotYetDue)]
    public void A_report_should_be_judged_by_its_first_publication_against_the_deadline(string? published, string today, PublicationTimeliness expected) =>
        Assert.Equal(expected, PublicationTimelinessRules.Of(Deadline, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
