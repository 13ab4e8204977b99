using Gongkai.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Accounts;

/// <summary>
/// Who did what to a staff account and when (账号记录): created, changed, password reset, disabled, enabled,
/// unlocked; and what the account itself did that must leave a trace (it read a letter writer's contact, changed a
/// mailbox). Append-only; accounts are disabled, never deleted, so the log outlives every change.
/// </summary>
public class StaffAccountLogEntry
{
    public long Id { get; set; }
    public string AccountId { get; set; } = "";
    public StaffAccountAction Action { get; set; }
    public DateTime At { get; set; }

    /// <summary>The administrator's account, or null for the operator at the command line.</summary>
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>For a change: each field that changed, from what to what.</summary>
    public string Note { get; set; } = "";

    /// <summary>Adds an entry for <paramref name="account"/> to the context; the caller saves it with the change.</summary>
    internal static void Append(Data.GongkaiDb db, StaffAccount account, StaffAccountAction action, StaffScope actor, TimeProvider clock, string note = "") =>
        db.StaffAccountLog.Add(new StaffAccountLogEntry
        {
            AccountId = account.Id,
            Action = action,
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.AccountId,
            ActorName = actor.DisplayName,
            Note = note.Length > MaxNote ? note[..MaxNote] : note,
        });

    /// <summary>Adds an entry of the actor's own act to its own record; the operator at the command line has none.</summary>
    internal static void AppendOwn(Data.GongkaiDb db, StaffScope actor, StaffAccountAction action, TimeProvider clock, string note)
    {
        if (actor.AccountId is not { } id)
            return;
        db.StaffAccountLog.Add(new StaffAccountLogEntry
        {
            AccountId = id,
            Action = action,
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = id,
            ActorName = actor.DisplayName,
            Note = note.Length > MaxNote ? note[..MaxNote] : note,
        });
    }

    public const int MaxNote = 2000;
}

internal sealed class StaffAccountLogEntryConfiguration : IEntityTypeConfiguration<StaffAccountLogEntry>
{
    public void Configure(EntityTypeBuilder<StaffAccountLogEntry> e)
    {
        e.ToTable("staff_account_log");
        e.HasIndex(x => new { x.AccountId, x.At });
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(StaffAccountLogEntry.MaxNote);
        e.HasOne<StaffAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
