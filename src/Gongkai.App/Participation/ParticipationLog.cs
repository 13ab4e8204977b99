using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Participation;

/// <summary>A solicitation, survey, interview, press conference or response event: owned by a unit, with a state the log moves.</summary>
public interface IParticipationRecord : IUnitOwned
{
    Guid Id { get; }
    ParticipationKind Kind { get; }
    ParticipationState State { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>A record the office may take off the public pages with a reason (solicitations, surveys, interviews).</summary>
public interface IWithdrawable : IParticipationRecord
{
    string WithdrawnReason { get; set; }
}

/// <summary>One step on a participation record: what, when, by whom, why. Staff steps carry the account; public ones do not.</summary>
public class ParticipationLogEntry
{
    public long Id { get; set; }
    public ParticipationKind Kind { get; set; }
    public Guid RecordId { get; set; }
    public ParticipationStep Step { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>What the step was about (a comment's or question's id for moderation and answers) and why.</summary>
    public Guid? ContributionId { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A file of a participation record: a solicitation's draft attachments, an interview's pictures.</summary>
public class ParticipationAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ParticipationKind Kind { get; set; }
    public Guid RecordId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";

    /// <summary>A picture's caption (图片说明, also its alternative text).</summary>
    public string Caption { get; set; } = "";
    public int SortOrder { get; set; }
    public DateTime AddedAt { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>
/// The only writer of participation records' states: each step is checked against the one transition table
/// (<see cref="ParticipationTransitions"/>), applied, and logged. Callers save (one SaveChanges per use case).
/// </summary>
public sealed class ParticipationLog(GongkaiDb db, OfficialCalendar calendars, ParticipationSettings settings, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public ParticipationSettings Settings => settings;

    public Task<WorkCalendar> CalendarAsync(CancellationToken ct = default) => calendars.GetAsync(db, ct);

    /// <summary>Logs the creation of a record (state <see cref="ParticipationState.Draft"/>, or as given for records published when saved).</summary>
    public void Created(IParticipationRecord record, StaffScope actor, string note = "") => Add(record, ParticipationStep.Created, actor.AccountId, actor.DisplayName, null, note);

    /// <returns>Why the step may not happen in the record's state, or null once it is applied and logged.</returns>
    public string? Append(IParticipationRecord record, ParticipationStep step, StaffScope? actor, string note = "", Guid? contribution = null)
    {
        if (ParticipationTransitions.After(record.State, step) is not { } next)
            return $"该{record.Kind.ChineseName()}当前为“{record.State.ChineseName()}”，不能{step.ChineseName()}。";
        record.State = next;
        record.UpdatedAt = Now;
        Add(record, step, actor?.AccountId, actor?.DisplayName ?? "公众", contribution, note);
        return null;
    }

    private void Add(IParticipationRecord record, ParticipationStep step, string? actorId, string actorName, Guid? contribution, string note) =>
        db.ParticipationLog.Add(new ParticipationLogEntry
        {
            Kind = record.Kind, RecordId = record.Id, Step = step, At = Now, ActorId = actorId, ActorName = actorName,
            ContributionId = contribution, Note = note.Length <= 2000 ? note : note[..1999] + "…",
        });

    /// <summary>
    /// The unit a new record is to belong to: the one whose code is given, or the actor's own when none is; null when the
    /// code names no unit of the actor's subtree.
    /// </summary>
    public async Task<Unit?> UnitForNewAsync(string? unitCode, StaffScope actor, CancellationToken ct = default)
    {
        var code = (unitCode ?? "").Trim();
        if (code.Length == 0)
            return await db.Units.SingleOrDefaultAsync(u => u.Path == actor.UnitPath, ct);
        return OrganisationCode.TryParse(code, out var parsed, out _)
            ? await actor.UnitsIn(db).SingleOrDefaultAsync(u => u.Code == parsed!.Value, ct)
            : null;
    }

    /// <summary>
    /// Takes a solicitation, survey or interview off the public pages with the reason, logged (its contributions are kept).
    /// </summary>
    /// <returns>What is wrong (the reason missing or too long, or the step not allowed now), or null once withdrawn (unsaved).</returns>
    public Problem? Withdraw(IWithdrawable record, string? reason, StaffScope actor)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0)
            return new("reason", "请说明撤回的理由。");
        if (reason.Length > 1000)
            return new("reason", "理由不能超过 1000 字。");
        if (Append(record, ParticipationStep.Withdrawn, actor, reason) is { } refusal)
            return new("", refusal);
        record.WithdrawnReason = reason;
        return null;
    }

    /// <summary>A record's log, oldest first.</summary>
    public Task<List<ParticipationLogEntry>> HistoryAsync(ParticipationKind kind, Guid id, CancellationToken ct = default) =>
        db.ParticipationLog.AsNoTracking().Where(e => e.Kind == kind && e.RecordId == id).OrderBy(e => e.Id).ToListAsync(ct);
}

internal sealed class ParticipationLogConfiguration : IEntityTypeConfiguration<ParticipationLogEntry>, IEntityTypeConfiguration<ParticipationAttachment>
{
    public void Configure(EntityTypeBuilder<ParticipationLogEntry> e)
    {
        e.ToTable("participation_log");
        e.HasIndex(x => new { x.Kind, x.RecordId, x.Id });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Step).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<ParticipationAttachment> a)
    {
        a.ToTable("participation_attachments");
        a.HasIndex(x => new { x.Kind, x.RecordId, x.SortOrder });
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
        a.Property(x => x.Caption).HasMaxLength(200);
    }
}
