using Gongkai.App.Applications;
using Gongkai.App.Units;
using Gongkai.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Cases;

/// <summary>
/// A reconsideration (行政复议) or a suit (行政诉讼) against a unit's answer to a disclosure application, recorded by
/// that unit (or by the reconsideration body sued after it). Table 四 of the unit's annual report counts it; who
/// recorded and changed it, and what changed, is in <see cref="Log"/>.
/// </summary>
public class ReviewCase : Units.IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The unit that recorded the case, a party to it (被申请人 or 被告).</summary>
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;

    /// <summary>The application whose answer is challenged, when it is in Gongkai (the unit's own or one of its subtree).</summary>
    public Guid? ApplicationId { get; set; }
    public Application? Application { get; set; }

    public CaseKind Kind { get; set; }
    public CaseParty Party { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ReviewingBody { get; set; } = "";
    public DateOnly FiledOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public CaseResult Result { get; set; }
    public bool ReconsiderationBodyIsCoDefendant { get; set; }

    /// <summary>
    /// Whether the unit counts the case in its table 四 (<see cref="CaseCounting.CountsFor"/>, 国办公开办函〔2016〕201号):
    /// a copy kept for counting, written only by <see cref="SaveReviewCase"/>.
    /// </summary>
    public bool Counted { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ReviewCaseLogEntry> Log { get; set; } = [];

    public CaseDetails Details() => new()
    {
        Kind = Kind,
        Party = Party,
        CaseNumber = CaseNumber,
        ReviewingBody = ReviewingBody,
        FiledOn = FiledOn,
        DecidedOn = DecidedOn,
        Result = Result,
        ReconsiderationBodyIsCoDefendant = ReconsiderationBodyIsCoDefendant,
        Note = Note,
    };

    /// <summary>Copies validated details onto the case, trimmed, and derives <see cref="Counted"/>.</summary>
    public void Apply(CaseDetails details)
    {
        Kind = details.Kind;
        Party = details.Party;
        CaseNumber = details.CaseNumber.Trim();
        ReviewingBody = details.ReviewingBody.Trim();
        FiledOn = details.FiledOn!.Value;
        DecidedOn = details.DecidedOn;
        Result = details.Result;
        ReconsiderationBodyIsCoDefendant = details.ReconsiderationBodyIsCoDefendant;
        Note = (details.Note ?? "").Trim();
        Counted = CaseCounting.CountsFor(Party, Kind, ReconsiderationBodyIsCoDefendant);
    }
}

/// <summary>Who recorded or changed a case, when, and what changed (登记、修改).</summary>
public class ReviewCaseLogEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public int Sequence { get; set; }
    public string Action { get; set; } = "";
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>For a change: each field that changed, from what to what.</summary>
    public string Note { get; set; } = "";
}

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> c)
    {
        c.ToTable("review_cases");
        c.HasIndex(x => new { x.UnitId, x.CaseNumber }).IsUnique();
        c.HasIndex(x => new { x.UnitId, x.FiledOn });
        c.Property(x => x.CaseNumber).HasMaxLength(CaseDetails.MaxCaseNumber);
        c.Property(x => x.ReviewingBody).HasMaxLength(CaseDetails.MaxReviewingBody);
        c.Property(x => x.Note).HasMaxLength(CaseDetails.MaxNote);
        c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        c.Property(x => x.Party).HasConversion<string>().HasMaxLength(30);
        c.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        c.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Application).WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Log).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewCaseLogEntryConfiguration : IEntityTypeConfiguration<ReviewCaseLogEntry>
{
    public void Configure(EntityTypeBuilder<ReviewCaseLogEntry> e)
    {
        e.ToTable("review_case_log");
        e.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(4000);
    }
}
