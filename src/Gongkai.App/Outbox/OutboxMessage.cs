using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Outbox;

public enum OutboxChannel
{
    /// <summary>电子邮件.</summary>
    Email,
    /// <summary>短信.</summary>
    Sms,
}

/// <summary>
/// A message to a member of the public (a letter answered …), written in the same transaction as the change it tells
/// about and sent afterwards by <see cref="SendOutbox"/>. A failed send is retried later; a message is never deleted,
/// so what was told to whom, and when, stays on record.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }

    /// <summary>The e-mail address or phone number.</summary>
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>What the message is about, e.g. 「letter:202612070003」, for the record's page.</summary>
    public string About { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set while one node sends it, so that two nodes never send the same message.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = "";
    public DateTime? SentAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> m)
    {
        m.ToTable("outbox_messages");
        m.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        m.HasIndex(x => x.About);
        m.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        m.Property(x => x.To).HasMaxLength(100);
        m.Property(x => x.Subject).HasMaxLength(200);
        m.Property(x => x.Body).HasMaxLength(4000);
        m.Property(x => x.About).HasMaxLength(100);
        m.Property(x => x.LastError).HasMaxLength(1000);
    }
}
