using Gongkai.App.Units;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Reports;

/// <summary>Where entered figures came from.</summary>
public enum FigureSource
{
    /// <summary>录入 — typed in on /office/reports/figures or sent to the staff API.</summary>
    Entered,

    /// <summary>导入 — `gongkai report figures import FILE.csv`.</summary>
    Imported,

    /// <summary>审读 — read from the published report itself by `gongkai report audit --save` (issue 6).</summary>
    Audited,
}

public static class FigureSources
{
    public static string ChineseName(this FigureSource source) => source switch
    {
        FigureSource.Imported => "导入",
        FigureSource.Audited => "审读",
        _ => "录入",
    };

    /// <summary>The source in the staff API: <c>entered</c>, <c>imported</c>, <c>audited</c>.</summary>
    public static string Code(this FigureSource source) => source.ToString().ToLowerInvariant();
}

/// <summary>
/// Figures a unit's report states that Gongkai did not count (<see cref="EnteredFigures"/>): for one unit, year and
/// scope — <see cref="ReportScope.Unit"/> figures stand in for the unit's own cells, cell by cell;
/// <see cref="ReportScope.Jurisdiction"/> figures are a government's whole report as it stated them (a year before
/// Gongkai) and are the jurisdiction report of that year. Written only by <see cref="SaveEnteredFigures"/>.
/// </summary>
public class ReportFigureEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public int Year { get; set; }
    public ReportScope Scope { get; set; }

    /// <summary>Cell key → value, JSON; the cells of the year's form only.</summary>
    public string FiguresJson { get; set; } = "{}";
    public FigureSource Source { get; set; }

    /// <summary>Where the figures were taken from (「2018年度报告原文」「行政审批系统导出」); optional.</summary>
    public string Note { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";

    public const int MaxNote = 500;

    public ReportFigures Figures() => Reports.FiguresJson.Read(FiguresJson);

    internal void SetFigures(ReportFigures figures) => FiguresJson = Reports.FiguresJson.Write(figures);
}

internal sealed class ReportFigureEntryConfiguration : IEntityTypeConfiguration<ReportFigureEntry>
{
    public void Configure(EntityTypeBuilder<ReportFigureEntry> e)
    {
        e.ToTable("report_figure_entries");
        e.HasIndex(x => new { x.UnitId, x.Year, x.Scope }).IsUnique();
        e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(ReportFigureEntry.MaxNote);
        e.Property(x => x.UpdatedByName).HasMaxLength(100);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
