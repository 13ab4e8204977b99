using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>
/// Staff record a press conference (新闻发布会) — day, topic, speakers with titles, whether a principal official (主要负责同志)
/// attended, the catalog items it released or explained (by 索引号) — or change one. A record is published when saved; each
/// save is a step of the participation log (created, or edited).
/// </summary>
public sealed class RecordPressConference(GongkaiDb db, ParticipationLog log)
{
    public sealed record Speaker(string Name, string Title, bool Principal = false);

    /// <param name="Id">The conference to change; null for a new one.</param>
    /// <param name="PrincipalAttended">Also true when any speaker is marked principal.</param>
    public sealed record Input(Guid? Id, string UnitCode, DateOnly HeldOn, string Title, string Summary, IReadOnlyList<Speaker> Speakers,
        bool PrincipalAttended, IReadOnlyList<string> ItemIndexNumbers);

    public async Task<Outcome<PressConference>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<PressConference>.Denied("只有负责互动交流或信息发布的工作人员可以记录新闻发布会。");
        PressConference? conference = null;
        if (input.Id is { } id)
        {
            conference = await db.PressConferences.Include(c => c.Unit).Within(actor.ScopePath).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (conference is null || conference.State == ParticipationState.Withdrawn)
                return Outcome<PressConference>.Missing("找不到该新闻发布会记录，或不在您的管辖范围内。");
        }
        var problems = new List<Problem>();
        var unit = await log.UnitForNewAsync(input.UnitCode, actor, ct);
        if (unit is null)
            problems.Add(new("UnitCode", "请选择单位（本单位或下级单位）。"));
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > 200)
            problems.Add(new("Title", "请填写发布会主题（不超过 200 字）。"));
        if (input.HeldOn > log.Today || input.HeldOn.Year < 2000)
            problems.Add(new("HeldOn", "召开日期应为今天或以前。"));
        if ((input.Summary ?? "").Trim().Length > 5000)
            problems.Add(new("Summary", "发布内容不能超过 5000 字。"));
        var speakers = (input.Speakers ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Name))
            .Select(s => new Participant { Name = s.Name.Trim(), Title = (s.Title ?? "").Trim(), Principal = s.Principal }).ToList();
        if (speakers.Count == 0)
            problems.Add(new("Speakers", "请填写至少一位发布人（姓名、职务）。"));
        if (speakers.Any(s => s.Name.Length > 50 || s.Title.Length > 100) || speakers.Count > 20)
            problems.Add(new("Speakers", "发布人最多 20 位，姓名不超过 50 字，职务不超过 100 字。"));
        var (items, itemProblem) = await ResponseRecords.ItemsAsync(db, input.ItemIndexNumbers, ct);
        if (itemProblem is not null)
            problems.Add(itemProblem);
        if (problems.Count > 0)
            return Outcome<PressConference>.Invalid(problems);

        var isNew = conference is null;
        conference ??= new PressConference { State = ParticipationState.Published, CreatedAt = log.Now };
        (conference.UnitId, conference.Unit, conference.HeldOn, conference.Title, conference.Summary) = (unit!.Id, unit, input.HeldOn, title, (input.Summary ?? "").Trim());
        (conference.Speakers, conference.ItemIndexNumbers) = (speakers, items);
        conference.PrincipalAttended = input.PrincipalAttended || speakers.Any(s => s.Principal);
        conference.UpdatedAt = log.Now;
        if (isNew)
        {
            db.PressConferences.Add(conference);
            log.Created(conference, actor, title);
        }
        else if (log.Append(conference, ParticipationStep.Edited, actor) is { } refused)
            return Outcome<PressConference>.Invalid("State", refused);
        await db.SaveChangesAsync(ct);
        return Outcome<PressConference>.Done(conference);
    }
}
