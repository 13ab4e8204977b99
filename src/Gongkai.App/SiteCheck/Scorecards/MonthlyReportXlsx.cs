using Gongkai.App.Documents;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>
/// The monthly report as an Excel workbook: 「检查结果」 one row per unit (worst first; scores and counts as numbers),
/// 「单项否决」 every veto item of every unit, 「扣分加分」 the scored items, 「整改清单」 the findings most urgent first.
/// </summary>
public static class MonthlyReportXlsx
{
    public static void Write(Stream output, CompileMonthlyReport.Report report)
    {
        var checkedUnits = report.Units.Where(u => u.Report is not null).ToList();
        static SimpleWorkbook.Row Row(params object?[] cells) => new(cells);
        SimpleWorkbook.Write(output,
        [
            new("检查结果", report.Title, ["单位", "单位代码", "检查时间", "单项否决不合格项数", "不合格的单项否决指标", "得分", "结论", "较上次（分）"],
                report.Table.Select(r => r.Latest is { } run
                    ? Row(r.Unit.Name, r.Unit.Code, ScorecardText.Time(run.At), run.VetoFailures, string.Join("、", run.FailedVetoes), run.Score, ScorecardText.Conclusion(run), r.ScoreChange)
                    : Row(r.Unit.Name, r.Unit.Code, "本月未检查", null, "", null, "", null)),
                [36, 20, 18, 12, 40, 8, 20, 10]),
            new("单项否决", "单项否决指标", ["单位", "指标", "结果", "证据"],
                checkedUnits.SelectMany(u => u.Report!.Veto.Select(v => Row(u.Standing.Unit.Name, ScorecardText.Item(v), ScorecardText.Result(v.Passed), ScorecardText.Evidence(v.Evidence)))),
                [36, 30, 8, 80]),
            new("扣分加分", "扣分指标和加分指标", ["单位", "类别", "指标", "分值", "证据"],
                checkedUnits.SelectMany(u => u.Report!.Deductions.Select(d => Row(u.Standing.Unit.Name, "扣分", d.Name, -d.Counted, ScorecardText.Evidence(d.Evidence)))
                    .Concat(u.Report!.Bonuses.Select(b => Row(u.Standing.Unit.Name, "加分", b.Name, b.Counted, ScorecardText.Evidence(b.Evidence))))),
                [36, 8, 30, 8, 80]),
            new("整改清单", "整改清单（紧急的在前）", ["单位", "紧急程度", "问题", "证据", "对象类别", "对象", "地址"],
                checkedUnits.SelectMany(u => u.Report!.Findings.Select(f =>
                    Row(u.Standing.Unit.Name, f.Urgency, f.Title, f.Evidence, ScorecardText.TargetKind(f.Target.Kind), f.Target.Label, f.Target.Url ?? ""))),
                [36, 10, 40, 60, 12, 30, 40]),
        ]);
    }
}
