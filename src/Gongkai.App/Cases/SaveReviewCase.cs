using Gongkai.App.Units;
using Gongkai.App.Tracking;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Cases;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Cases;

/// <summary>
/// Staff (依申请办理, or an administrator) record a reconsideration or suit against an answer of their subtree, or
/// change one as it goes on (the decision, the result). Every save is logged with who, when and what changed.
/// </summary>
public sealed class SaveReviewCase(GongkaiDb db, TimeProvider clock)
{
    public const string Recorded = "登记";
    public const string Changed = "修改";

    /// <param name="Id">The case to change; null to record a new one.</param>
    /// <param name="UnitCode">The unit that records the case (the answering unit, or the reconsideration body sued after it).</param>
    /// <param name="Application">The application concerned: its tracking code or id; empty when it is not in Gongkai.</param>
    public sealed record Input(Guid? Id, string UnitCode, string Application, CaseDetails Details);

    public async Task<Outcome<ReviewCase>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanRecordCases)
            return Outcome<ReviewCase>.Denied("只有依申请办理人员或管理员可以登记行政复议、行政诉讼案件。");
        ReviewCase? found = null;
        if (input.Id is { } id && (found = await db.FindCaseAsync(id, actor, ct)) is null)
            return Outcome<ReviewCase>.Missing("找不到该案件，或该案件不在您的管辖范围内。");

        var details = input.Details;
        var problems = details.Problems(clock.Today()).Select(p => new Problem(p.Field, p.Message)).ToList();
        var unit = OrganisationCode.TryParse(input.UnitCode, out var code, out _)
            ? await actor.UnitsIn(db).SingleOrDefaultAsync(u => u.Code == code!.Value, ct) : null;
        if (unit is null)
            problems.Add(new("UnitCode", "请选择登记案件的行政机关（本单位或下级单位）。"));
        var (application, applicationProblem) = await ApplicationAsync(input.Application, unit, actor, ct);
        if (applicationProblem is not null)
            problems.Add(new("Application", applicationProblem));
        var number = (details.CaseNumber ?? "").Trim();
        if (unit is not null && number.Length > 0
            && await db.ReviewCases.AnyAsync(c => c.UnitId == unit.Id && c.CaseNumber == number && c.Id != input.Id, ct))
            problems.Add(new("CaseNumber", $"{unit.ShortName}已登记案号为“{number}”的案件。"));
        if (problems.Count > 0)
            return Outcome<ReviewCase>.Invalid(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        var before = found is null ? null : Describe(found);
        var saved = found ?? new ReviewCase { CreatedAt = now };
        if (found is null)
            db.ReviewCases.Add(saved);
        saved.UnitId = unit!.Id;
        saved.Unit = unit;
        saved.ApplicationId = application?.Id;
        saved.Application = application;
        saved.Apply(details);
        saved.UpdatedAt = now;
        var note = before is null ? "" : string.Join("；", Describe(saved).Where(f => before[f.Key] != f.Value)
            .Select(f => $"{f.Key}：{Short(before[f.Key])} → {Short(f.Value)}"));
        if (found is not null && note.Length == 0)
            return Outcome<ReviewCase>.Done(saved);
        saved.Log.Add(new ReviewCaseLogEntry
        {
            CaseId = saved.Id,
            Sequence = saved.Log.Count == 0 ? 1 : saved.Log.Max(e => e.Sequence) + 1,
            Action = found is null ? Recorded : Changed,
            At = now,
            ActorId = actor.AccountId,
            ActorName = actor.DisplayName,
            Note = note,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewCase>.Done(saved);
    }

    /// <summary>The application by id or tracking code, inside the actor's scope and the recording unit's subtree.</summary>
    private async Task<(Application?, string?)> ApplicationAsync(string reference, Units.Unit? unit, StaffScope actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return (null, null);
        var scope = actor.ScopePath;
        var inScope = db.Applications.Include(a => a.Unit).Within(scope);
        var trackingCode = TrackingCode.Normalize(reference);
        var application = Guid.TryParse(reference.Trim(), out var id)
            ? await inScope.SingleOrDefaultAsync(a => a.Id == id, ct)
            : await inScope.SingleOrDefaultAsync(a => a.TrackingCode == trackingCode, ct);
        if (application is null)
            return (null, $"找不到查询码为“{reference.Trim()}”的申请，或该申请不在您的管辖范围内。");
        if (unit is not null && !UnitPath.IsWithin(application.Unit.Path, unit.Path))
            return (null, $"该申请由{application.Unit.FullName}办理，不属于所选机关或其下级单位。");
        return (application, null);
    }

    /// <summary>The case's fields as staff read them, for the log of a change.</summary>
    private static Dictionary<string, string> Describe(ReviewCase c) => new()
    {
        ["登记机关"] = c.Unit.FullName,
        ["关联申请"] = c.Application?.TrackingCode ?? "无",
        ["案件类型"] = c.Kind.ChineseName(),
        ["本机关身份"] = c.Party.ChineseName(),
        ["案号"] = c.CaseNumber,
        ["复议机关或法院"] = c.ReviewingBody,
        ["受理（立案）日期"] = c.FiledOn.ToString("yyyy-MM-dd"),
        ["审结日期"] = c.DecidedOn?.ToString("yyyy-MM-dd") ?? "未填",
        ["审理结果"] = c.Result.ChineseName(),
        ["复议机关为共同被告"] = c.ReconsiderationBodyIsCoDefendant ? "是" : "否",
        ["备注"] = c.Note.Length == 0 ? "无" : c.Note,
    };

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
