using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Letters;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> l)
    {
        l.ToTable("letters");
        l.HasIndex(x => x.Number).IsUnique();
        l.HasIndex(x => x.QueryCode).IsUnique();
        // The inbox: open letters of a unit by due date.
        l.HasIndex(x => new { x.UnitId, x.State, x.DueOn });
        // The inbox's and supervision's 3-month veto filters: open letters of a unit by arrival.
        l.HasIndex(x => new { x.UnitId, x.State, x.ReceivedOn });
        // Statistics: a mailbox's letters by arrival, with every column they are counted by, so that a year of a million
        // letters is read from this index alone, already in the order of its groups (see LetterStats).
        l.HasIndex(x => new
        {
            x.MailboxUnitId, x.ReceivedOn, x.Channel, x.State, x.AnsweredOnTime, x.Rating, x.Published, x.UnitId, x.Type,
            x.DueOn, x.AnsweredOn, x.AnswerWorkingDays,
        }).HasDatabaseName("IX_letters_statistics");
        l.HasIndex(x => new { x.Fingerprint, x.CreatedAt });
        l.HasIndex(x => new { x.Published, x.PublishedOn });
        l.Property(x => x.Number).HasMaxLength(20);
        l.Property(x => x.QueryCode).HasMaxLength(20);
        l.Property(x => x.Subject).HasMaxLength(100);
        l.Property(x => x.Content).HasMaxLength(8000);
        l.Property(x => x.PageUrl).HasMaxLength(500);
        l.Property(x => x.WriterName).HasMaxLength(50);
        l.Property(x => x.Phone).HasMaxLength(30);
        l.Property(x => x.Email).HasMaxLength(100);
        l.Property(x => x.Fingerprint).HasMaxLength(64);
        l.Property(x => x.Answer).HasMaxLength(8000);
        l.Property(x => x.PublishedSubject).HasMaxLength(100);
        l.Property(x => x.PublishedContent).HasMaxLength(8000);
        l.Property(x => x.PublishedAnswer).HasMaxLength(8000);
        l.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
        l.Property(x => x.Routing).HasConversion<string>().HasMaxLength(20);
        l.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        l.HasOne(x => x.MailboxUnit).WithMany().HasForeignKey(x => x.MailboxUnitId).OnDelete(DeleteBehavior.Restrict);
        l.HasMany(x => x.Log).WithOne().HasForeignKey(e => e.LetterId).OnDelete(DeleteBehavior.Restrict);
        l.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.LetterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterLogEntryConfiguration : IEntityTypeConfiguration<LetterLogEntry>
{
    public void Configure(EntityTypeBuilder<LetterLogEntry> e)
    {
        e.ToTable("letter_log");
        e.HasIndex(x => new { x.LetterId, x.Sequence }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.InvalidReason).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.TransferChannel).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Routing).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Party).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(8000);
    }
}

internal sealed class LetterAttachmentConfiguration : IEntityTypeConfiguration<LetterAttachment>
{
    public void Configure(EntityTypeBuilder<LetterAttachment> a)
    {
        a.ToTable("letter_attachments");
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
    }
}

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> m)
    {
        m.ToTable("mailboxes");
        m.HasKey(x => x.UnitId);
        m.Property(x => x.Name).HasMaxLength(50);
        m.Property(x => x.Introduction).HasMaxLength(2000);
        m.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterSuggestionOutcomeConfiguration : IEntityTypeConfiguration<LetterSuggestionOutcome>
{
    public void Configure(EntityTypeBuilder<LetterSuggestionOutcome> o)
    {
        o.ToTable("letter_suggestion_outcomes");
        o.HasIndex(x => new { x.MailboxUnitId, x.Date });
    }
}
