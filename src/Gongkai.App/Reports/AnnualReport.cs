using System.Text.Json;
using Gongkai.App.Units;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Reports;

/// <summary>年度报告的状态.</summary>
public enum AnnualReportState
{
    /// <summary>草稿 — being written in the office; not on the portal.</summary>
    Draft,

    /// <summary>已公开 — on the portal (/nb) with the figures and text fixed at publication (第四十九条).</summary>
    Published,
}

/// <summary>
/// A unit's 政府信息公开工作年度报告 for a year (one per unit and year): the narrative sections staff write, and once
/// published, the text, figures and findings as they stood at publication — the portal shows that snapshot, never a
/// recompiled one. Written only by <see cref="SaveReportNarrative"/> and <see cref="PublishAnnualReport"/>.
/// </summary>
public class AnnualReport : Units.IUnitOwned
{
    public const int MaxSection = 20_000;
    public const int MaxReason = 1_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public int Year { get; set; }
    public ReportScope Scope { get; set; }
    public ReportForm Form { get; set; }
    public AnnualReportState State { get; set; }

    /// <summary>The draft's sections 一、五、六: plain text, a paragraph a line.</summary>
    public string Overview { get; set; } = "";
    public string Problems { get; set; } = "";
    public string OtherMatters { get; set; } = "";

    /// <summary>工作考核、社会评议和责任追究结果情况: a government's report only.</summary>
    public string Assessment { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";

    /// <summary>The sections as published (the portal's text and next year's reference).</summary>
    public string PublishedOverview { get; set; } = "";
    public string PublishedProblems { get; set; } = "";
    public string PublishedOtherMatters { get; set; } = "";
    public string PublishedAssessment { get; set; } = "";

    /// <summary>The figures at publication, JSON of cell key → value.</summary>
    public string? FiguresJson { get; set; }

    /// <summary>A jurisdiction report's per-unit figures at publication, JSON of [{code, name, figures}]; null for a unit's own.</summary>
    public string? UnitsJson { get; set; }

    /// <summary>同比 at publication, JSON of [{key, name, thisYear, lastYear, change, percent}]; null when there was no last year.</summary>
    public string? ChangesJson { get; set; }

    /// <summary>The check findings at publication, JSON of [{rule, severity, message}].</summary>
    public string? FindingsJson { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>When the report was first published — the day that counts against the deadline of 第四十九条.</summary>
    public DateTime? FirstPublishedAt { get; set; }
    public string? PublishedById { get; set; }
    public string PublishedByName { get; set; } = "";

    /// <summary>Why errors among the findings were overridden at the last publication; null when there were none.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>How many times the report was published; the note of the last re-publication (why it changed).</summary>
    public int Publications { get; set; }
    public string RepublicationNote { get; set; } = "";

    public string Text(NarrativeSection section, bool published = false) => section switch
    {
        NarrativeSection.Overview => published ? PublishedOverview : Overview,
        NarrativeSection.Problems => published ? PublishedProblems : Problems,
        NarrativeSection.OtherMatters => published ? PublishedOtherMatters : OtherMatters,
        _ => published ? PublishedAssessment : Assessment,
    };

    public ReportFigures PublishedFigures() => FiguresJson is null ? ReportFigures.Empty
        : Reports.FiguresJson.Read(FiguresJson);

    public IReadOnlyList<Finding> PublishedFindings() => FindingsJson is null ? []
        : [.. JsonSerializer.Deserialize<List<FindingRow>>(FindingsJson)!.Select(f => new Finding(f.Rule, f.Severity == "error" ? Severity.Error : Severity.Warning, f.Message, []))];

    public IReadOnlyList<UnitFigures> PublishedUnits() => UnitsJson is null ? []
        : [.. JsonSerializer.Deserialize<List<UnitRow>>(UnitsJson)!.Select(u => new UnitFigures(u.Code, u.Name, ReportFigures.From(u.Figures)))];

    /// <summary>The report as published, in the shape of a compiled one (the exports and the API read either).</summary>
    public CompiledReport PublishedReport() =>
        new(Unit.Code, Unit.FullName, Year, Form, Scope, PublishedFigures(), PublishedFindings(), PublishedUnits())
        {
            Changes = ChangesJson is null ? [] : JsonSerializer.Deserialize<List<YearOnYearChange>>(ChangesJson)!,
        };

    /// <summary>Fixes the compiled figures and findings and the draft's text as the published report.</summary>
    internal void Snapshot(CompiledReport compiled)
    {
        (Form, Scope) = (compiled.Form, compiled.Scope);
        FiguresJson = Reports.FiguresJson.Write(compiled.Figures);
        UnitsJson = compiled.Units.Count == 0 ? null
            : JsonSerializer.Serialize(compiled.Units.Select(u => new UnitRow(u.Code, u.Name, Reports.FiguresJson.Values(u.Figures))));
        ChangesJson = compiled.Changes.Count == 0 ? null : JsonSerializer.Serialize(compiled.Changes);
        FindingsJson = JsonSerializer.Serialize(compiled.Findings.Select(f => new FindingRow(f.Rule, Finding.SeverityCode(f.Severity), f.Message)));
        (PublishedOverview, PublishedProblems, PublishedOtherMatters, PublishedAssessment) = (Overview, Problems, OtherMatters, Assessment);
    }

    /// <summary>
    /// <paramref name="compiled"/> with the findings of this draft's text against its tables
    /// (<see cref="Core.Reports.Reading.NarrativeCheck"/>): what the edit page shows and publication weighs.
    /// </summary>
    public CompiledReport Checked(CompiledReport compiled) => compiled with
    {
        Findings = [.. compiled.Findings, .. Core.Reports.Reading.NarrativeCheck.Run(compiled.Form, compiled.Figures,
            string.Join('\n', NarrativeSections.All.Select(s => Text(s))))],
    };

    /// <summary>The sections of this draft that repeat <paramref name="lastYear"/>'s published text (<see cref="NarrativeRepeat"/>).</summary>
    public IReadOnlyList<NarrativeSection> RepeatedSections(AnnualReport? lastYear) => lastYear is null ? []
        : [.. NarrativeSections.All.Where(s => NarrativeRepeat.Repeats(Text(s), lastYear.Text(s, published: true)))];

    private sealed record UnitRow(string Code, string Name, Dictionary<string, decimal> Figures);

    private sealed record FindingRow(string Rule, string Severity, string Message);
}

public static class AnnualReportQueries
{
    /// <summary>The unit's published report for <paramref name="year"/>, or null.</summary>
    public static Task<AnnualReport?> PublishedAsync(this IQueryable<AnnualReport> reports, Guid unitId, int year, CancellationToken ct = default) =>
        reports.AsNoTracking().SingleOrDefaultAsync(r => r.UnitId == unitId && r.Year == year && r.State == AnnualReportState.Published, ct);
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> r)
    {
        r.ToTable("annual_reports");
        r.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        r.HasIndex(x => new { x.State, x.PublishedAt });
        r.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Form).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        foreach (var text in new[] { nameof(AnnualReport.Overview), nameof(AnnualReport.Problems), nameof(AnnualReport.OtherMatters), nameof(AnnualReport.Assessment),
                     nameof(AnnualReport.PublishedOverview), nameof(AnnualReport.PublishedProblems), nameof(AnnualReport.PublishedOtherMatters),
                     nameof(AnnualReport.PublishedAssessment) })
            r.Property(text).HasMaxLength(AnnualReport.MaxSection);
        r.Property(x => x.UpdatedByName).HasMaxLength(100);
        r.Property(x => x.PublishedByName).HasMaxLength(100);
        r.Property(x => x.OverrideReason).HasMaxLength(AnnualReport.MaxReason);
        r.Property(x => x.RepublicationNote).HasMaxLength(AnnualReport.MaxReason);
        r.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
