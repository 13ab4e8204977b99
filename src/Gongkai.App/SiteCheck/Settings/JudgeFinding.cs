using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// A person's judgement of a finding that needs one (a lexicon hit): 确认错误 — it stays on the fix list until the text
/// no longer has it — or 不是错误, with a note saying why, and the check does not raise the same hit (same key) again.
/// The finding is named by its key and must be one of the unit's runs; judging again replaces the judgement.
/// </summary>
public sealed class JudgeFinding(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(string UnitCode, string Key, FindingDecision Decision, string Note);

    public const int MaxNote = 500;

    public async Task<Outcome<SiteFindingDecision>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<SiteFindingDecision>.Denied(SiteCheckAccess.NotAllowed);
        var unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<SiteFindingDecision>.Missing(SiteCheckAccess.NoSuchUnit);
        var key = (input.Key ?? "").Trim();
        var finding = key.Length == 0 ? null : await db.SiteFindings
            .Where(f => f.Key == key && db.SiteCheckRuns.Any(r => r.Id == f.RunId && r.UnitId == unit.Id))
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        if (finding is null)
            return Outcome<SiteFindingDecision>.Missing("本单位的检查结果中没有这一项发现。");
        var note = (input.Note ?? "").Trim();
        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Decision))
            problems.Add(new(nameof(Input.Decision), "请选择“确认错误”或“不是错误”。"));
        if (!finding.NeedsJudgement)
            problems.Add(new(nameof(Input.Key), "这一项发现由检查自动判定，无需人工判定；整改后再次检查即可。"));
        if (input.Decision == FindingDecision.Dismissed && note.Length == 0)
            problems.Add(new(nameof(Input.Note), "判定为“不是错误”时，请说明理由（如“此处为历史文件原文”）。"));
        if (note.Length > MaxNote)
            problems.Add(new(nameof(Input.Note), $"说明不能超过 {MaxNote} 字。"));
        if (problems.Count > 0)
            return Outcome<SiteFindingDecision>.Invalid(problems);

        var decision = await db.SiteFindingDecisions.SingleOrDefaultAsync(d => d.UnitId == unit.Id && d.Key == key, ct);
        if (decision is null)
        {
            decision = new SiteFindingDecision { UnitId = unit.Id, Key = key };
            db.SiteFindingDecisions.Add(decision);
        }
        (decision.Decision, decision.Note, decision.At, decision.ActorId, decision.ActorName) =
            (input.Decision, note, clock.GetUtcNow().UtcDateTime, actor.AccountId, actor.DisplayName.Length > 50 ? actor.DisplayName[..50] : actor.DisplayName);
        SiteCheckAccess.Log(db, actor, unit.Id, clock, "判定发现", finding.Title,
            $"{(input.Decision == FindingDecision.Confirmed ? "确认错误" : "不是错误")}{(note.Length > 0 ? $"：{note}" : "")}（{finding.TargetLabel}）");
        await db.SaveChangesAsync(ct);
        return Outcome<SiteFindingDecision>.Done(decision);
    }
}
