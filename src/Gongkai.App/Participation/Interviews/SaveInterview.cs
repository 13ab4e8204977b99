using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>
/// Creates or changes an online interview (在线访谈): title, topic (its introduction), when it starts and ends, and its
/// guests by name and title, marking whether each is a principal official (主要负责同志) — counted in the 统计表's
/// row of interviews by leaders.
/// </summary>
public sealed class SaveInterview(GongkaiDb db, ParticipationLog log)
{
    public const int MaxGuests = 20;

    /// <param name="StartsAt">UTC.</param>
    public sealed record Input(Guid? Id, string Title, string Introduction, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<Participant> Guests,
        string? UnitCode = null);

    public async Task<Outcome<Interview>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeInterviews.Refusal(actor) is { } denied)
            return Outcome<Interview>.Denied(denied);
        Interview? interview = null;
        Units.Unit? unit = null;
        if (input.Id is { } id)
        {
            interview = await OfficeInterviews.FindAsync(db, id, actor, ct);
            if (interview is null)
                return Outcome<Interview>.Missing("找不到该访谈，或该访谈不在您的管辖范围内。");
            if (interview.State is not (ParticipationState.Draft or ParticipationState.Published))
                return Outcome<Interview>.Invalid("", $"该访谈当前为“{interview.State.ChineseName()}”，不能修改；文字实录请在“文字实录”中修改。");
        }
        else
        {
            unit = await log.UnitForNewAsync(input.UnitCode, actor, ct);
            if (unit is null)
                return Outcome<Interview>.Invalid("unitCode", "请选择您管辖范围内的单位。");
        }

        var problems = new List<Problem>();
        var title = (input.Title ?? "").Trim();
        var intro = (input.Introduction ?? "").Trim();
        if (title.Length == 0)
            problems.Add(new("title", "请填写访谈主题。"));
        else if (title.Length > 200)
            problems.Add(new("title", "访谈主题不能超过 200 字。"));
        if (intro.Length > 5000)
            problems.Add(new("introduction", "访谈简介不能超过 5000 字。"));
        if (input.StartsAt.Year is < 2000 or > 2100)
            problems.Add(new("startsAt", "请填写有效的开始时间。"));
        else if (input.EndsAt <= input.StartsAt)
            problems.Add(new("endsAt", "结束时间应晚于开始时间。"));
        else if (input.EndsAt - input.StartsAt > TimeSpan.FromHours(12))
            problems.Add(new("endsAt", "一场访谈不超过 12 小时，请核对结束时间。"));
        var guests = (input.Guests ?? []).Select(g => new Participant { Name = (g.Name ?? "").Trim(), Title = (g.Title ?? "").Trim(), Principal = g.Principal })
            .Where(g => g.Name.Length > 0 || g.Title.Length > 0).ToList();
        if (guests.Count == 0)
            problems.Add(new("guests", "请至少填写一位嘉宾。"));
        if (guests.Count > MaxGuests)
            problems.Add(new("guests", $"嘉宾最多 {MaxGuests} 位。"));
        foreach (var (g, i) in guests.Select((g, i) => (g, i)))
        {
            if (g.Name.Length == 0 || g.Name.Length > 50)
                problems.Add(new("guests", $"第 {i + 1} 位嘉宾：请填写姓名（不超过 50 字）。"));
            if (g.Title.Length == 0 || g.Title.Length > 100)
                problems.Add(new("guests", $"第 {i + 1} 位嘉宾：请填写职务（不超过 100 字）。"));
        }
        if (problems.Count > 0)
            return Outcome<Interview>.Invalid(problems);

        if (interview is null)
        {
            interview = new Interview { UnitId = unit!.Id, Unit = unit, State = ParticipationState.Draft, CreatedAt = log.Now, UpdatedAt = log.Now };
            Apply(interview);
            db.Interviews.Add(interview);
            log.Created(interview, actor);
        }
        else
        {
            if (log.Append(interview, ParticipationStep.Edited, actor) is { } refusal)
                return Outcome<Interview>.Invalid("", refusal);
            Apply(interview);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Interview>.Done(interview);

        void Apply(Interview i)
        {
            i.Title = title;
            i.Introduction = intro;
            i.StartsAt = DateTime.SpecifyKind(input.StartsAt, DateTimeKind.Utc);
            i.EndsAt = DateTime.SpecifyKind(input.EndsAt, DateTimeKind.Utc);
            i.Guests = guests;
        }
    }
}
