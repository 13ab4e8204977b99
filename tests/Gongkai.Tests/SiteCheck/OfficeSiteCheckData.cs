using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.SiteCheck;
using Gongkai.Core.Accounts;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// Runs of the site check as the check stores them (a <see cref="SiteCheckRun"/> with its report's JSON and its findings),
/// made here from Core scorecards and findings so the office pages can be tested without the network; and staff scopes.
/// </summary>
public static class OfficeSiteCheckData
{
    public static async Task<StaffScope> StaffAsync(TestDatabase test, string unitKey, params string[] roles)
    {
        await using var scope = test.Scope();
        var code = SeedDemoData.CodeOf(unitKey);
        var path = await test.Get<GongkaiDb>(scope).Units.Where(u => u.Code == code).Select(u => u.Path).SingleAsync();
        return new StaffScope($"{unitKey}-{string.Join("-", roles)}", $"{unitKey}{string.Join("", roles.Select(StaffRole.ChineseName))}", path, new HashSet<string>(roles));
    }

    public static VetoResult Veto(VetoRule rule, bool passed, params string[] evidence) => new(rule, rule == VetoRule.NewMediaSilent ? "" : "门户网站", passed, evidence);

    /// <summary>All six veto items passing, except those given as failing (with their evidence).</summary>
    public static IReadOnlyList<VetoResult> Vetoes(params (VetoRule Rule, string Evidence)[] failing) =>
        [.. Enum.GetValues<VetoRule>().Where(r => r != VetoRule.NewMediaSilent)
            .Select(r => failing.FirstOrDefault(f => f.Rule == r) is { Evidence: { } e } ? Veto(r, false, e) : Veto(r, true, "未发现问题"))];

    public static Finding Finding(string rule, string title, string evidence, int urgency, string kind = "column", string? id = null, string label = "工作动态", bool judge = false) =>
        new(rule, title, evidence, new FindingTarget(kind, id ?? Guid.NewGuid().ToString(), label), urgency, $"{rule}:{label}:{title}", judge);

    /// <summary>Stores a run of the unit at <paramref name="at"/> (UTC) with the scorecard and findings given.</summary>
    public static async Task<Guid> RunAsync(TestDatabase test, string unitKey, DateTime at, Scorecard card, params Finding[] findings)
    {
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var code = SeedDemoData.CodeOf(unitKey);
        var unit = await db.Units.SingleAsync(u => u.Code == code);
        var report = SiteCheckReport.Of(unit.Code, unit.FullName, at, card, findings);
        var run = new SiteCheckRun
        {
            UnitId = unit.Id, At = DateTime.SpecifyKind(at, DateTimeKind.Utc), Trigger = "定时", Score = card.Score, Passed = card.Passed,
            VetoFailures = card.Vetoes.Count(v => !v.Passed), FindingCount = findings.Length, ScorecardJson = report.ToJson(),
            Findings = [.. findings.Select(f => new SiteFinding
            {
                Rule = f.Rule, Title = f.Title, Evidence = f.Evidence, TargetKind = f.Target.Kind, TargetId = f.Target.Id, TargetLabel = f.Target.Label,
                TargetUrl = f.Target.Url ?? "", Urgency = f.Urgency, Key = f.Key, NeedsJudgement = f.NeedsJudgement,
            })],
        };
        db.SiteCheckRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>A scorecard with the given deductions (each its own line) and no bonus.</summary>
    public static Scorecard Card(IReadOnlyList<VetoResult> vetoes, params (string Name, int Points, string Evidence)[] deductions) =>
        new(vetoes, [.. deductions.Select((d, i) => new ScoreLine($"d{i}", d.Name, 20, d.Points, [d.Evidence]))], []);

    /// <summary>The UTC instant of a Beijing hour.</summary>
    public static DateTime Beijing(int year, int month, int day, int hour = 10) => new DateOnly(year, month, day).AtChinaHour(hour);
}
