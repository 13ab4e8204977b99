using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>
/// The office lists of press conferences and responses inside the account's scope (deleted records left out), a year at a
/// time; each response with the hours it took and whether within its channel's target.
/// </summary>
public sealed class OfficeResponses(GongkaiDb db, ParticipationSettings settings)
{
    public sealed record ConferenceRow(Guid Id, string Unit, string UnitCode, DateOnly HeldOn, string Title, string Summary,
        IReadOnlyList<Participant> Speakers, bool PrincipalAttended, IReadOnlyList<string> ItemIndexNumbers);

    public sealed record ResponseRow(Guid Id, string Unit, string UnitCode, string Concern, DateTime AroseAt, ResponseChannel Channel, DateTime RespondedAt,
        string Response, Guid? PressConferenceId, IReadOnlyList<string> ItemIndexNumbers, int HoursTaken, int TargetHours, bool WithinTarget)
    {
        public string ChannelName => Channel.ChineseName();
    }

    public async Task<IReadOnlyList<ConferenceRow>> ConferencesAsync(StaffScope actor, int? year = null, CancellationToken ct = default)
    {
        var query = db.PressConferences.AsNoTracking().Within(actor.ScopePath).Where(c => c.State != ParticipationState.Withdrawn);
        if (year is { } y)
            query = query.Where(c => c.HeldOn >= new DateOnly(y, 1, 1) && c.HeldOn <= new DateOnly(y, 12, 31));
        return [.. (await query.Include(c => c.Unit).OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.CreatedAt).Take(500).ToListAsync(ct))
            .Select(c => new ConferenceRow(c.Id, c.Unit.FullName, c.Unit.Code, c.HeldOn, c.Title, c.Summary, c.Speakers, c.PrincipalAttended, c.ItemIndexNumbers))];
    }

    public async Task<IReadOnlyList<ResponseRow>> ResponsesAsync(StaffScope actor, int? year = null, CancellationToken ct = default)
    {
        var query = db.ResponseEvents.AsNoTracking().Within(actor.ScopePath).Where(r => r.State != ParticipationState.Withdrawn);
        if (year is { } y)
            query = query.Where(r => r.RespondedOn >= new DateOnly(y, 1, 1) && r.RespondedOn <= new DateOnly(y, 12, 31));
        return [.. (await query.Include(r => r.Unit).OrderByDescending(r => r.RespondedAt).Take(500).ToListAsync(ct)).Select(Row)];
    }

    public async Task<ResponseRow?> ResponseAsync(StaffScope actor, Guid id, CancellationToken ct = default) =>
        await db.ResponseEvents.AsNoTracking().Within(actor.ScopePath).Include(r => r.Unit)
            .SingleOrDefaultAsync(r => r.Id == id && r.State != ParticipationState.Withdrawn, ct) is { } r ? Row(r) : null;

    public async Task<ConferenceRow?> ConferenceAsync(StaffScope actor, Guid id, CancellationToken ct = default) =>
        (await ConferencesQuery(actor).Where(c => c.Id == id).ToListAsync(ct)).Select(c => new ConferenceRow(c.Id, c.Unit.FullName, c.Unit.Code, c.HeldOn,
            c.Title, c.Summary, c.Speakers, c.PrincipalAttended, c.ItemIndexNumbers)).SingleOrDefault();

    private IQueryable<PressConference> ConferencesQuery(StaffScope actor) =>
        db.PressConferences.AsNoTracking().Within(actor.ScopePath).Include(c => c.Unit).Where(c => c.State != ParticipationState.Withdrawn);

    private ResponseRow Row(ResponseEvent r) => new(r.Id, r.Unit.FullName, r.Unit.Code, r.Concern, r.AroseAt, r.Channel, r.RespondedAt, r.Response,
        r.PressConferenceId, r.ItemIndexNumbers, ResponseTargets.HoursTaken(r.AroseAt, r.RespondedAt), settings.ResponseTargets.For(r.Channel),
        settings.ResponseTargets.WithinTarget(r.Channel, r.AroseAt, r.RespondedAt));
}
