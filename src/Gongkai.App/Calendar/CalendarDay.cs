using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Calendar;

/// <summary>A day of a year's holiday arrangement loaded after release (`gongkai calendar import`), overriding the bundled file for its year.</summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }

    /// <summary>True for a weekend day made a working day (调休上班), false for a holiday.</summary>
    public bool IsWorkday { get; set; }
}

/// <summary>A record of one calendar import: which years, by whom, and how many open applications' due dates moved.</summary>
public class CalendarImport
{
    public int Id { get; set; }
    public DateTime ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public string Years { get; set; } = "";
    public int DueDatesMoved { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.ToTable("calendar_days");
        day.HasKey(d => d.Date);
        day.HasIndex(d => d.Year);
    }
}

internal sealed class CalendarImportConfiguration : IEntityTypeConfiguration<CalendarImport>
{
    public void Configure(EntityTypeBuilder<CalendarImport> import)
    {
        import.ToTable("calendar_imports");
        import.Property(i => i.ImportedBy).HasMaxLength(100);
        import.Property(i => i.Years).HasMaxLength(200);
    }
}
