using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Participation;

/// <summary>
/// A press conference (新闻发布会) the unit held or took part in: day, topic, speakers (officials named with titles; whether a
/// principal official attended is read from them), and the catalog items it released or explained (by 索引号).
/// </summary>
public class PressConference : IParticipationRecord
{
    public ParticipationKind Kind => ParticipationKind.PressConference;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public ParticipationState State { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Title { get; set; } = "";

    /// <summary>What was announced or answered (published).</summary>
    public string Summary { get; set; } = "";
    public List<Participant> Speakers { get; set; } = [];

    /// <summary>Whether a principal official (主要负责同志) attended: any speaker marked <see cref="Participant.Principal"/>.</summary>
    public bool PrincipalAttended { get; set; }

    /// <summary>索引号 of linked catalog items (the policies released, their 解读).</summary>
    public List<string> ItemIndexNumbers { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A response to a public concern (回应关切): the concern, when it arose, how and when it was answered, and the linked
/// catalog items. Each event is one concern (the 统计表 counts a concern once whatever channels answered it); its channel is
/// the way it was (first) answered, timed against <see cref="ResponseTargets"/>.
/// </summary>
public class ResponseEvent : IParticipationRecord
{
    public ParticipationKind Kind => ParticipationKind.Response;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public ParticipationState State { get; set; }
    public string Concern { get; set; } = "";

    /// <summary>When the concern arose (UTC).</summary>
    public DateTime AroseAt { get; set; }
    public ResponseChannel Channel { get; set; }

    /// <summary>When it was answered (UTC).</summary>
    public DateTime RespondedAt { get; set; }

    /// <summary>The day answered, in China time (for counting by year).</summary>
    public DateOnly RespondedOn { get; set; }
    public string Response { get; set; } = "";

    /// <summary>The press conference that answered it, when <see cref="Channel"/> is a press conference.</summary>
    public Guid? PressConferenceId { get; set; }
    public List<string> ItemIndexNumbers { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ResponsesConfiguration : IEntityTypeConfiguration<PressConference>, IEntityTypeConfiguration<ResponseEvent>
{
    public void Configure(EntityTypeBuilder<PressConference> p)
    {
        p.ToTable("press_conferences");
        p.HasIndex(x => new { x.UnitId, x.HeldOn });
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        p.OwnsMany(x => x.Speakers, s => s.ToJson());
        p.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ResponseEvent> r)
    {
        r.ToTable("response_events");
        r.HasIndex(x => new { x.UnitId, x.RespondedOn });
        r.Property(x => x.Concern).HasMaxLength(200);
        r.Property(x => x.Response).HasMaxLength(5000);
        r.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Channel).HasConversion<string>().HasMaxLength(30);
        r.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<PressConference>().WithMany().HasForeignKey(x => x.PressConferenceId).OnDelete(DeleteBehavior.Restrict);
    }
}
