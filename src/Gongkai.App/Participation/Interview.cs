using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Participation;

/// <summary>
/// An online interview (在线访谈): guests, topic and time; the public sends questions before and during it
/// (<see cref="InterviewQuestion"/>); staff moderate and answer; the transcript (文字实录) and pictures
/// (<see cref="ParticipationAttachment"/>) are published with <see cref="ParticipationStep.Concluded"/>.
/// </summary>
public class Interview : IWithdrawable
{
    public ParticipationKind Kind => ParticipationKind.Interview;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public ParticipationState State { get; set; }
    public string Title { get; set; } = "";
    public string Introduction { get; set; } = "";

    /// <summary>When it starts and ends (UTC; shown in China time).</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public List<Participant> Guests { get; set; } = [];
    public DateOnly? PublishedOn { get; set; }

    /// <summary>文字实录 (plain text, one paragraph per line; 「主持人：」「嘉宾姓名：」 lines as spoken).</summary>
    public string Transcript { get; set; } = "";
    public DateOnly? TranscriptPublishedOn { get; set; }
    public string WithdrawnReason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A guest of an interview or a speaker at a press conference: name and title, and whether a principal official (主要负责同志).</summary>
public class Participant
{
    public string Name { get; set; } = "";

    /// <summary>职务, e.g. 「市交通运输局局长」.</summary>
    public string Title { get; set; } = "";
    public bool Principal { get; set; }
}

/// <summary>A question from the public to an interview; name and contact are private. Answered questions are published with it.</summary>
public class InterviewQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InterviewId { get; set; }
    public string Content { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public ContributionState State { get; set; }
    public string ModerationNote { get; set; } = "";

    /// <summary>The question as shown publicly (after the personal-data screen); empty until shown.</summary>
    public string ShownContent { get; set; } = "";
    public string Answer { get; set; } = "";

    /// <summary>Who answered (a guest's name).</summary>
    public string AnsweredBy { get; set; } = "";
    public DateTime? AnsweredAt { get; set; }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>, IEntityTypeConfiguration<InterviewQuestion>
{
    public void Configure(EntityTypeBuilder<Interview> i)
    {
        i.ToTable("interviews");
        i.HasIndex(x => new { x.State, x.StartsAt });
        i.HasIndex(x => x.UnitId);
        i.Property(x => x.Title).HasMaxLength(200);
        i.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        i.Property(x => x.WithdrawnReason).HasMaxLength(1000);
        i.OwnsMany(x => x.Guests, g => g.ToJson());
        i.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InterviewQuestion> q)
    {
        q.ToTable("interview_questions");
        q.HasIndex(x => new { x.InterviewId, x.SubmittedAt });
        q.Property(x => x.Content).HasMaxLength(2000);
        q.Property(x => x.ShownContent).HasMaxLength(2000);
        q.Property(x => x.Answer).HasMaxLength(10000);
        q.Property(x => x.AnsweredBy).HasMaxLength(50);
        q.Property(x => x.Name).HasMaxLength(50);
        q.Property(x => x.Phone).HasMaxLength(30);
        q.Property(x => x.Email).HasMaxLength(100);
        q.Property(x => x.ModerationNote).HasMaxLength(500);
        q.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        q.HasOne<Interview>().WithMany().HasForeignKey(x => x.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
