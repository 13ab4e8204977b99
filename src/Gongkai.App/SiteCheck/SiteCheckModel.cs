using Gongkai.App.Units;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.SiteCheck;

/// <summary>A website a unit runs (门户网站 or 部门网站): its homepage is probed for reachability (站点无法访问).</summary>
public class Website : IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public string Name { get; set; } = "";

    /// <summary>The homepage address, absolute http(s).</summary>
    public string HomeUrl { get; set; } = "";

    /// <summary>网站标识码, when it has one.</summary>
    public string SiteCode { get; set; } = "";

    /// <summary>Probed and checked; an inactive site keeps its history.</summary>
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

/// <summary>One reachability probe of a website's homepage: did it open within 15 s, how long it took, what failed.</summary>
public class SiteProbe
{
    public long Id { get; set; }
    public Guid WebsiteId { get; set; }
    public DateTime At { get; set; }
    public bool Ok { get; set; }
    public int Milliseconds { get; set; }
    public int? Status { get; set; }
    public string Error { get; set; } = "";
}

/// <summary>
/// A column (栏目) of a unit's site. Gongkai's own columns (<see cref="Source"/> other than External) are created and
/// kept by the check from the catalog, mailboxes, solicitations and interviews; external ones are described by staff
/// with how to find their newest date. <see cref="NewestOn"/> and <see cref="ItemCount"/> are what the last reading found.
/// </summary>
public class SiteColumn : IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;

    /// <summary>The site it is on (external columns); null for Gongkai's own.</summary>
    public Guid? WebsiteId { get; set; }
    public string Name { get; set; } = "";
    public ColumnSource Source { get; set; }

    /// <summary>For Gongkai's columns: the theme, genre name or mailbox id it stands for.</summary>
    public string SourceKey { get; set; } = "";

    /// <summary>The column's page (external: the list page; Gongkai's: its public page).</summary>
    public string Url { get; set; } = "";
    public DateSource DateSource { get; set; }

    /// <summary>For <see cref="DateSource.Feed"/>/<see cref="DateSource.Sitemap"/>: the feed's or sitemap's address (the column's own when empty).</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>For <see cref="DateSource.ListPage"/>: a regular expression whose match (or its group <c>date</c>) is a date; empty for the usual forms (2024-05-06, 2024年5月6日, 2024/05/06, 2024.05.06).</summary>
    public string DatePattern { get; set; } = "";
    public UpdateClass UpdateClass { get; set; }

    /// <summary>一级栏目 — 通知公告/政策文件 columns count towards the veto only at the first level.</summary>
    public bool TopLevel { get; set; } = true;

    /// <summary>应更新: the column is expected to get new items (a static 机构职能 page is not).</summary>
    public bool NeedsUpdates { get; set; } = true;

    /// <summary>首页栏目: the homepage's newest date is the newest of these columns (首页不更新).</summary>
    public bool OnHomepage { get; set; }
    public bool Active { get; set; } = true;

    public DateOnly? NewestOn { get; set; }
    public int? ItemCount { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>Why the last reading failed (the address did not answer, no date found …); empty when it worked.</summary>
    public string ReadError { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A 政务新媒体 account of a unit, with its last post date (entered, or read from <see cref="FeedUrl"/>).</summary>
public class NewMediaAccount : IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public AccountPlatform Platform { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The account's id or address on its platform.</summary>
    public string Handle { get; set; } = "";
    public string FeedUrl { get; set; } = "";
    public AccountStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateOnly? LastPostOn { get; set; }

    /// <summary>Where <see cref="LastPostOn"/> came from: <see cref="DateSource.Entered"/> or <see cref="DateSource.Feed"/>.</summary>
    public DateSource LastPostSource { get; set; } = DateSource.Entered;
    public DateTime? ReadAt { get; set; }
    public string ReadError { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// An entry of a unit's serious-error lexicon (严重错误词库): a wrong or outdated name or title, a serious misspelling, or a
/// word that must never appear — with the correct form when there is one. Applies to the unit's whole subtree.
/// </summary>
public class LexiconEntry : IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public LexiconKind Kind { get; set; }
    public string Term { get; set; } = "";
    public string Correction { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>The last result of checking one link address (kept so a run re-checks an address only when its result is old).</summary>
public class LinkCheck
{
    public long Id { get; set; }
    public string Url { get; set; } = "";
    public string Host { get; set; } = "";
    public bool Ok { get; set; }
    public int? Status { get; set; }

    /// <summary>Why it failed, or 「robots.txt 不允许检查」 when the host forbids it (then it is not counted dead).</summary>
    public string Error { get; set; } = "";
    public bool SkippedByRobots { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>One run of the checks for one unit: its scorecard (as JSON, the CLI's shape) and its findings.</summary>
public class SiteCheckRun : IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public DateTime At { get; set; }

    /// <summary>定时 (the schedule) or 手动 (a person or the CLI), with who.</summary>
    public string Trigger { get; set; } = "";
    public int Score { get; set; }
    public bool Passed { get; set; }
    public int VetoFailures { get; set; }
    public int FindingCount { get; set; }

    /// <summary>The <see cref="Core.SiteCheck.Scorecard"/> serialized with System.Text.Json.</summary>
    public string ScorecardJson { get; set; } = "";
    public List<SiteFinding> Findings { get; set; } = [];
}

/// <summary>A finding of a run (<see cref="Core.SiteCheck.Finding"/> as stored).</summary>
public class SiteFinding
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public string Rule { get; set; } = "";
    public string Title { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string TargetKind { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string TargetLabel { get; set; } = "";
    public string TargetUrl { get; set; } = "";
    public int Urgency { get; set; }
    public string Key { get; set; } = "";
    public bool NeedsJudgement { get; set; }
}

/// <summary>A person's judgement of a finding (<see cref="SiteFinding.Key"/>) in a unit: a confirmed error, or not an error.</summary>
public class SiteFindingDecision : IUnitOwned
{
    public long Id { get; set; }
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public string Key { get; set; } = "";
    public FindingDecision Decision { get; set; }
    public string Note { get; set; } = "";
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
}

/// <summary>A staff action on the site check's settings (sites, columns, accounts, lexicon, judgements, runs): who, what, when.</summary>
public class SiteCheckLogEntry
{
    public long Id { get; set; }
    public Guid UnitId { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>新增网站、修改栏目、导入词库、判定发现、运行检查 …</summary>
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Note { get; set; } = "";
}

internal sealed class SiteCheckConfiguration :
    IEntityTypeConfiguration<Website>, IEntityTypeConfiguration<SiteProbe>, IEntityTypeConfiguration<SiteColumn>,
    IEntityTypeConfiguration<NewMediaAccount>, IEntityTypeConfiguration<LexiconEntry>, IEntityTypeConfiguration<LinkCheck>,
    IEntityTypeConfiguration<SiteCheckRun>, IEntityTypeConfiguration<SiteFinding>, IEntityTypeConfiguration<SiteFindingDecision>,
    IEntityTypeConfiguration<SiteCheckLogEntry>
{
    public void Configure(EntityTypeBuilder<Website> w)
    {
        w.ToTable("websites");
        w.HasIndex(x => x.UnitId);
        w.Property(x => x.Name).HasMaxLength(100);
        w.Property(x => x.HomeUrl).HasMaxLength(500);
        w.Property(x => x.SiteCode).HasMaxLength(30);
        w.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SiteProbe> p)
    {
        p.ToTable("site_probes");
        p.HasIndex(x => new { x.WebsiteId, x.At });
        p.Property(x => x.Error).HasMaxLength(300);
        p.HasOne<Website>().WithMany().HasForeignKey(x => x.WebsiteId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SiteColumn> c)
    {
        c.ToTable("site_columns");
        c.HasIndex(x => new { x.UnitId, x.Source, x.SourceKey });
        c.Property(x => x.Name).HasMaxLength(100);
        c.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.SourceKey).HasMaxLength(100);
        c.Property(x => x.Url).HasMaxLength(500);
        c.Property(x => x.SourceUrl).HasMaxLength(500);
        c.Property(x => x.DateSource).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.DatePattern).HasMaxLength(200);
        c.Property(x => x.UpdateClass).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.ReadError).HasMaxLength(300);
        c.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Website>().WithMany().HasForeignKey(x => x.WebsiteId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<NewMediaAccount> a)
    {
        a.ToTable("new_media_accounts");
        a.HasIndex(x => x.UnitId);
        a.Property(x => x.Platform).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.LastPostSource).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Name).HasMaxLength(100);
        a.Property(x => x.Handle).HasMaxLength(200);
        a.Property(x => x.FeedUrl).HasMaxLength(500);
        a.Property(x => x.ReadError).HasMaxLength(300);
        a.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LexiconEntry> e)
    {
        e.ToTable("lexicon_entries");
        e.HasIndex(x => new { x.UnitId, x.Term }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Term).HasMaxLength(100);
        e.Property(x => x.Correction).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(300);
        e.Property(x => x.CreatedBy).HasMaxLength(50);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<LinkCheck> l)
    {
        l.ToTable("link_checks");
        l.HasIndex(x => x.Url).IsUnique();
        l.Property(x => x.Url).HasMaxLength(1000);
        l.Property(x => x.Host).HasMaxLength(200);
        l.Property(x => x.Error).HasMaxLength(300);
    }

    public void Configure(EntityTypeBuilder<SiteCheckRun> r)
    {
        r.ToTable("site_check_runs");
        r.HasIndex(x => new { x.UnitId, x.At });
        r.Property(x => x.Trigger).HasMaxLength(60);
        r.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        r.HasMany(x => x.Findings).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SiteFinding> f)
    {
        f.ToTable("site_findings");
        f.HasIndex(x => new { x.RunId, x.Urgency });
        f.Property(x => x.Rule).HasMaxLength(40);
        f.Property(x => x.Title).HasMaxLength(300);
        f.Property(x => x.Evidence).HasMaxLength(2000);
        f.Property(x => x.TargetKind).HasMaxLength(20);
        f.Property(x => x.TargetId).HasMaxLength(1000);
        f.Property(x => x.TargetLabel).HasMaxLength(300);
        f.Property(x => x.TargetUrl).HasMaxLength(1000);
        f.Property(x => x.Key).HasMaxLength(400);
    }

    public void Configure(EntityTypeBuilder<SiteFindingDecision> d)
    {
        d.ToTable("site_finding_decisions");
        d.HasIndex(x => new { x.UnitId, x.Key }).IsUnique();
        d.Property(x => x.Key).HasMaxLength(400);
        d.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.Note).HasMaxLength(500);
        d.Property(x => x.ActorName).HasMaxLength(50);
        d.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SiteCheckLogEntry> e)
    {
        e.ToTable("site_check_log");
        e.HasIndex(x => new { x.UnitId, x.At });
        e.Property(x => x.ActorName).HasMaxLength(50);
        e.Property(x => x.Action).HasMaxLength(30);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Note).HasMaxLength(1000);
    }
}
