using Gongkai.App.Catalog;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Participation;

/// <summary>
/// A solicitation of opinions (意见征集) on a draft: the draft and its explanation (起草说明), its kind and period, and —
/// after it closes — the feedback (采纳情况反馈). Its comments are <see cref="SolicitationComment"/>; what staff did is in
/// the participation log (<see cref="ParticipationLog"/>, the only writer of <see cref="State"/>).
/// </summary>
public class Solicitation : IWithdrawable
{
    ParticipationKind IParticipationRecord.Kind => ParticipationKind.Solicitation;
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public ParticipationState State { get; set; }

    public string Title { get; set; } = "";
    public SolicitationKind Kind { get; set; }

    /// <summary>与市场主体生产经营活动密切相关 (30 days for a 行政规范性文件, 《优化营商环境条例》第六十二条).</summary>
    public bool ConcernsBusinesses { get; set; }

    /// <summary>The draft's text (plain text; one paragraph per line, articles start 「第X条」, see <see cref="Core.Participation.DraftArticles"/>).</summary>
    public string DraftText { get; set; } = "";

    /// <summary>起草说明.</summary>
    public string Explanation { get; set; } = "";

    /// <summary>How else opinions may be sent (信函、电子邮件) and whom to ask, as published.</summary>
    public string Contact { get; set; } = "";

    public DateOnly OpensOn { get; set; }

    /// <summary>The last day comments are taken (inclusive).</summary>
    public DateOnly ClosesOn { get; set; }

    /// <summary>Why the period is shorter than the minimum for its kind; published with the solicitation. Empty otherwise.</summary>
    public string ShortPeriodReason { get; set; } = "";

    /// <summary>Whether comments, once moderated, are shown on the public page.</summary>
    public bool ShowComments { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>采纳情况反馈: the office's text; the figures are counted from the comments' adoption.</summary>
    public string FeedbackText { get; set; } = "";
    public DateOnly? FeedbackPublishedOn { get; set; }

    /// <summary>The resulting policy in the catalog (its page links back here).</summary>
    public Guid? PolicyId { get; set; }
    public CatalogItem? Policy { get; set; }

    public string WithdrawnReason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// An opinion on a draft, on the whole or on one article (条). Name and contact are private (shown only to staff who
/// handle participation). Counted as received whatever moderation decides; shown only when <see cref="State"/> is
/// <see cref="ContributionState.Shown"/> and its solicitation shows comments.
/// </summary>
public class SolicitationComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SolicitationId { get; set; }

    /// <summary>The article (第N条) commented on; null for the whole draft.</summary>
    public int? Article { get; set; }
    public string Content { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>How it came: 网上 (the form or the API), or recorded by staff from a letter, e-mail or meeting.</summary>
    public string Channel { get; set; } = "网上";
    public DateTime SubmittedAt { get; set; }
    public ContributionState State { get; set; }

    /// <summary>Why it is not shown (or what was masked before showing it).</summary>
    public string ModerationNote { get; set; } = "";

    /// <summary>The text shown publicly: the content after moderation (personal data removed); empty until shown.</summary>
    public string ShownContent { get; set; } = "";
    public Adoption? Adoption { get; set; }
    public string AdoptionReason { get; set; } = "";
}

internal sealed class SolicitationConfiguration : IEntityTypeConfiguration<Solicitation>, IEntityTypeConfiguration<SolicitationComment>
{
    public void Configure(EntityTypeBuilder<Solicitation> s)
    {
        s.ToTable("solicitations");
        s.HasIndex(x => new { x.State, x.ClosesOn });
        s.HasIndex(x => x.UnitId);
        s.HasIndex(x => x.PolicyId);
        s.Property(x => x.Title).HasMaxLength(200);
        s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        s.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.Contact).HasMaxLength(1000);
        s.Property(x => x.ShortPeriodReason).HasMaxLength(1000);
        s.Property(x => x.WithdrawnReason).HasMaxLength(1000);
        s.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne(x => x.Policy).WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SolicitationComment> c)
    {
        c.ToTable("solicitation_comments");
        c.HasIndex(x => new { x.SolicitationId, x.SubmittedAt });
        c.Property(x => x.Content).HasMaxLength(5000);
        c.Property(x => x.ShownContent).HasMaxLength(5000);
        c.Property(x => x.Name).HasMaxLength(50);
        c.Property(x => x.Phone).HasMaxLength(30);
        c.Property(x => x.Email).HasMaxLength(100);
        c.Property(x => x.Channel).HasMaxLength(20);
        c.Property(x => x.ModerationNote).HasMaxLength(500);
        c.Property(x => x.AdoptionReason).HasMaxLength(500);
        c.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.Adoption).HasConversion<string>().HasMaxLength(20);
        c.HasOne<Solicitation>().WithMany().HasForeignKey(x => x.SolicitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
