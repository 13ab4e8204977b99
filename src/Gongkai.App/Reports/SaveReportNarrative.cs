using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>What saving or publishing did, with the sections that repeat last year's published text (a warning).</summary>
public sealed record ReportWritten(AnnualReport Report, IReadOnlyList<NarrativeSection> Repeated, IReadOnlyList<Finding> Findings);

/// <summary>
/// Staff (信息发布, or an administrator) of the unit's subtree write the narrative sections 一、五、六 (and a government's
/// 工作考核、社会评议和责任追究结果情况) of its report for a
/// year; the first save creates the draft. Saving a published report changes the draft only: the portal keeps the
/// published text until the report is published again.
/// </summary>
public sealed class SaveReportNarrative(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(string UnitCode, int Year, ReportScope Scope, string? Overview, string? Problems, string? OtherMatters,
        string? Assessment = null);

    public async Task<Outcome<ReportWritten>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        var (report, refusal) = await ReportFor(db, clock, input.UnitCode, input.Year, actor, ct);
        if (report is null)
            return refusal!;
        var texts = new[] { input.Overview, input.Problems, input.OtherMatters, input.Assessment }.Select(Clean).ToArray();
        var problems = NarrativeSections.All.Zip(texts).Where(t => t.Second.Length > AnnualReport.MaxSection)
            .Select(t => new Problem(t.First.ToString(), $"{t.First.Heading()}不能超过 {AnnualReport.MaxSection} 个字符。")).ToList();
        if (problems.Count > 0)
            return Outcome<ReportWritten>.Invalid(problems);
        (report.Overview, report.Problems, report.OtherMatters) = (texts[0], texts[1], texts[2]);
        // 工作考核、社会评议和责任追究结果情况 is a government's section; a department's report keeps none.
        report.Assessment = NarrativeSections.For(report.Unit.Kind).Contains(NarrativeSection.Assessment) ? texts[3] : "";
        if (report.State == AnnualReportState.Draft)
            (report.Scope, report.Form) = (input.Scope, ReportForms.ForYear(input.Year));
        (report.UpdatedAt, report.UpdatedByName) = (clock.GetUtcNow().UtcDateTime, actor.DisplayName);
        await db.SaveChangesAsync(ct);
        var lastYear = await db.AnnualReports.PublishedAsync(report.UnitId, report.Year - 1, ct);
        return Outcome<ReportWritten>.Done(new(report, report.RepeatedSections(lastYear), []));
    }

    /// <summary>Line endings made \n, each line (paragraph) trimmed — the page indents paragraphs itself — and blank lines at either end removed.</summary>
    public static string Clean(string? text) =>
        string.Join('\n', (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim())).Trim('\n');

    /// <summary>
    /// The unit's report for the year (a new draft, not yet added, when there is none) when the actor may write it;
    /// otherwise the refusal.
    /// </summary>
    internal static async Task<(AnnualReport?, Outcome<ReportWritten>?)> ReportFor(GongkaiDb db, TimeProvider clock, string unitCode, int year,
        StaffScope actor, CancellationToken ct)
    {
        if (!actor.CanWriteReports)
            return (null, Outcome<ReportWritten>.Denied("只有信息发布人员或管理员可以编写和公开年度报告。"));
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null)
            return (null, Outcome<ReportWritten>.Missing($"没有代码为 {unitCode} 的单位。"));
        if (!actor.Covers(unit.Path))
            return (null, Outcome<ReportWritten>.Denied("您只能编写和公开本单位及下级单位的年度报告。"));
        if (year < ReportForms.FirstNational || year > clock.Today().Year)
            return (null, Outcome<ReportWritten>.Invalid("Year", $"只能编写 {ReportForms.FirstNational} 年度至 {clock.Today().Year} 年度的报告。"));
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == year, ct);
        if (report is null)
        {
            report = new AnnualReport { UnitId = unit.Id, Unit = unit, Year = year, Form = ReportForms.ForYear(year) };
            db.AnnualReports.Add(report);
        }
        report.Unit = unit;
        return (report, null);
    }
}
