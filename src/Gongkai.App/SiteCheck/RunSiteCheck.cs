using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// Runs the checks now for a unit (and, with <c>subtree</c>, every unit below it that has anything to check): keeps
/// Gongkai's own columns, runs the collectors, judges, and stores one <see cref="SiteCheckRun"/> with its findings per unit.
/// Who may: staff who manage the site check (<see cref="StaffScope.CanManageSiteCheck"/>) or supervise (督查), inside their
/// subtree; the command line and the schedule act as <see cref="StaffScope.System"/>. Each run is logged (运行检查).
/// The check day is today in Beijing.
/// </summary>
public sealed class RunSiteCheck(
    GongkaiDb db, TimeProvider clock, SyncOwnColumns sync, CheckRecords records, CheckLexicon lexicon, CheckPublicationDates dates,
    ReadSiteFacts facts, IEnumerable<ISiteCollector> collectors)
{
    /// <param name="Trigger">定时 for the schedule; 手动 (and who) for a person or the CLI.</param>
    public sealed record Input(Guid UnitId, bool Subtree, string Trigger);

    /// <summary>The runs made, each with its report, the given unit's first.</summary>
    public async Task<Outcome<IReadOnlyList<(SiteCheckRun Run, SiteCheckReport Report)>>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == input.UnitId, ct);
        if (unit is null)
            return Outcome<IReadOnlyList<(SiteCheckRun, SiteCheckReport)>>.Missing("没有这个单位。");
        if (!actor.Covers(unit.Path))
            return Outcome<IReadOnlyList<(SiteCheckRun, SiteCheckReport)>>.Denied($"{unit.FullName}不在您的管理范围内。");
        if (!actor.CanManageSiteCheck && !actor.Roles.Contains(StaffRole.Supervisor))
            return Outcome<IReadOnlyList<(SiteCheckRun, SiteCheckReport)>>.Denied("您的角色不能运行网站检查。");

        var units = new List<Unit> { unit };
        if (input.Subtree)
            units.AddRange(await db.Units.Within(unit.Path).Where(u => u.Id != unit.Id
                    && (db.Websites.Any(w => w.UnitId == u.Id) || db.SiteColumns.Any(c => c.UnitId == u.Id) || db.NewMediaAccounts.Any(a => a.UnitId == u.Id)
                        || db.Mailboxes.Any(m => m.UnitId == u.Id && m.IsOpen)
                        || db.CatalogItems.Any(i => i.UnitId == u.Id && i.State == CatalogState.Published)))
                .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).ThenBy(u => u.FullName).ToListAsync(ct));

        var done = new List<(SiteCheckRun, SiteCheckReport)>();
        foreach (var each in units)
            done.Add(await CheckAsync(each, input.Trigger, actor, ct));
        return Outcome<IReadOnlyList<(SiteCheckRun, SiteCheckReport)>>.Done(done);
    }

    private async Task<(SiteCheckRun, SiteCheckReport)> CheckAsync(Unit unit, string trigger, StaffScope actor, CancellationToken ct)
    {
        await sync.HandleAsync(unit, ct);
        var other = new List<Finding>();
        foreach (var collector in collectors)
        {
            try
            {
                other.AddRange(await collector.CollectAsync(unit, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                other.Add(new Finding(FindingRules.CollectorFailed, "网络检查未能完成", $"{collector.GetType().Name}：{e.Message}",
                    new FindingTarget("unit", unit.Id.ToString(), unit.FullName), 3, $"{FindingRules.CollectorFailed}:{collector.GetType().Name}"));
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.ChinaDate();
        other.AddRange(await records.HandleAsync(unit, today, ct));
        List<Finding> hits = [.. await lexicon.HandleAsync(unit, ct), .. await dates.HandleAsync(unit, today, ct)];
        var judgement = SiteJudge.Judge(await facts.HandleAsync(unit, today, hits, other, ct));
        var report = SiteCheckReport.Of(unit.Code, unit.FullName, now, judgement.Card, judgement.Findings.Select(f => WithOfficeLink(f, unit.Code)));

        var run = new SiteCheckRun
        {
            UnitId = unit.Id, At = now, Trigger = Cut(trigger, 60), Score = report.Score, Passed = report.Passed,
            VetoFailures = report.Veto.Count(v => !v.Passed), FindingCount = report.Findings.Count, ScorecardJson = report.ToJson(),
            Findings = [.. report.Findings.Select(f => new SiteFinding
            {
                Rule = Cut(f.Rule, 40), Title = Cut(f.Title, 300), Evidence = Cut(f.Evidence, 2000), TargetKind = Cut(f.Target.Kind, 20),
                TargetId = Cut(f.Target.Id, 1000), TargetLabel = Cut(f.Target.Label, 300), TargetUrl = Cut(f.Target.Url ?? "", 1000),
                Urgency = f.Urgency, Key = Cut(f.Key, 400), NeedsJudgement = f.NeedsJudgement,
            })],
        };
        db.SiteCheckRuns.Add(run);
        Settings.SiteCheckAccess.Log(db, actor, unit.Id, clock, "运行检查", unit.FullName,
            $"{trigger}：{report.Score} 分，{(report.Passed ? "合格" : "不合格")}；单项否决未通过 {run.VetoFailures} 项，发现问题 {run.FindingCount} 个。");
        await db.SaveChangesAsync(ct);
        return (run, report);
    }

    /// <summary>Where staff fix what a finding is about, for the targets the judge names by kind and id alone.</summary>
    public static Finding WithOfficeLink(Finding f, string unitCode) => f.Target.Url is { Length: > 0 } ? f
        : f with { Target = f.Target with { Url = FindingLinks.OfficeUrl(f.Target.Kind, f.Target.Id, unitCode) } };

    private static string Cut(string s, int max) => Settings.SiteCheckAccess.Cut(s, max);
}
