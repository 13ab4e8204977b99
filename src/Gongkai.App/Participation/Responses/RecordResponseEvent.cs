using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>
/// Staff record a response to a public concern (回应关切) — the concern, when it arose, how and when it was answered, the
/// response, the press conference that answered it, linked catalog items — or change one. Published when saved; timed
/// against the channel's target (<see cref="ParticipationSettings.ResponseTargets"/>) on the office list.
/// </summary>
public sealed class RecordResponseEvent(GongkaiDb db, ParticipationLog log)
{
    /// <param name="AroseAt">When the concern arose, China time.</param>
    /// <param name="RespondedAt">When it was answered, China time.</param>
    public sealed record Input(Guid? Id, string UnitCode, string Concern, DateTime AroseAt, ResponseChannel Channel, DateTime RespondedAt,
        string Response, Guid? PressConferenceId, IReadOnlyList<string> ItemIndexNumbers);

    public async Task<Outcome<ResponseEvent>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<ResponseEvent>.Denied("只有负责互动交流或信息发布的工作人员可以记录回应关切。");
        ResponseEvent? response = null;
        if (input.Id is { } id)
        {
            response = await db.ResponseEvents.Within(actor.ScopePath).SingleOrDefaultAsync(r => r.Id == id, ct);
            if (response is null || response.State == ParticipationState.Withdrawn)
                return Outcome<ResponseEvent>.Missing("找不到该回应记录，或不在您的管辖范围内。");
        }
        var problems = new List<Problem>();
        var unit = await log.UnitForNewAsync(input.UnitCode, actor, ct);
        if (unit is null)
            problems.Add(new("UnitCode", "请选择单位（本单位或下级单位）。"));
        var concern = (input.Concern ?? "").Trim();
        if (concern.Length is 0 or > 200)
            problems.Add(new("Concern", "请填写公众关切的事项（不超过 200 字）。"));
        var text = (input.Response ?? "").Trim();
        if (text.Length is 0 or > 5000)
            problems.Add(new("Response", "请填写回应内容（不超过 5000 字）。"));
        if (!Enum.IsDefined(input.Channel))
            problems.Add(new("Channel", "请选择回应方式。"));
        var (arose, responded) = (input.AroseAt.FromChina(), input.RespondedAt.FromChina());
        if (responded < arose)
            problems.Add(new("RespondedAt", "回应时间不能早于关切产生的时间。"));
        if (responded > log.Now.AddMinutes(5) || arose.Year < 2000)
            problems.Add(new("RespondedAt", "回应时间不能晚于现在。"));
        if (input.PressConferenceId is { } conferenceId && !await db.PressConferences.Within(actor.ScopePath)
                .AnyAsync(c => c.Id == conferenceId && c.State != ParticipationState.Withdrawn, ct))
            problems.Add(new("PressConferenceId", "找不到所选的新闻发布会记录。"));
        var (items, itemProblem) = await ResponseRecords.ItemsAsync(db, input.ItemIndexNumbers, ct);
        if (itemProblem is not null)
            problems.Add(itemProblem);
        if (problems.Count > 0)
            return Outcome<ResponseEvent>.Invalid(problems);

        var isNew = response is null;
        response ??= new ResponseEvent { State = ParticipationState.Published, CreatedAt = log.Now };
        (response.UnitId, response.Concern, response.AroseAt, response.Channel) = (unit!.Id, concern, arose, input.Channel);
        (response.RespondedAt, response.RespondedOn, response.Response) = (responded, responded.ChinaDate(), text);
        (response.PressConferenceId, response.ItemIndexNumbers, response.UpdatedAt) = (input.PressConferenceId, items, log.Now);
        if (isNew)
        {
            db.ResponseEvents.Add(response);
            log.Created(response, actor, concern);
        }
        else if (log.Append(response, ParticipationStep.Edited, actor) is { } refused)
            return Outcome<ResponseEvent>.Invalid("State", refused);
        await db.SaveChangesAsync(ct);
        return Outcome<ResponseEvent>.Done(response);
    }
}
