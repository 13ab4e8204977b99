using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Applications;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> a)
    {
        a.ToTable("applications");
        a.HasIndex(x => x.TrackingCode).IsUnique();
        a.HasIndex(x => new { x.UnitId, x.State, x.DueOn });
        // Table 三 of the annual report (ReportRecords) reads these columns of a jurisdiction's applications from the index alone.
        a.HasIndex(x => new { x.UnitId, x.ReceivedOn, x.AnsweredOn, x.ApplicantKind, x.Outcome, x.Id });
        a.Property(x => x.TrackingCode).HasMaxLength(20);
        foreach (var text in new[] { nameof(Application.ApplicantName), nameof(Application.ContactPerson), nameof(Application.Phone), nameof(Application.Email) })
            a.Property(text).HasMaxLength(100);
        a.Property(x => x.IdNumber).HasMaxLength(40);
        a.Property(x => x.Address).HasMaxLength(200);
        a.Property(x => x.PostalCode).HasMaxLength(10);
        a.Property(x => x.Description).HasMaxLength(4000);
        a.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.ApplicantKind).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.IdType).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.Form).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(40);
        a.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.Log).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationLogEntryConfiguration : IEntityTypeConfiguration<ApplicationLogEntry>
{
    public void Configure(EntityTypeBuilder<ApplicationLogEntry> e)
    {
        e.ToTable("application_log");
        e.HasIndex(x => new { x.ApplicationId, x.Sequence }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Party).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.Remark).HasMaxLength(1000);
        e.Property(x => x.Amount).HasPrecision(12, 2);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> d)
    {
        d.ToTable("application_documents");
        d.Property(x => x.FileName).HasMaxLength(200);
        d.Property(x => x.ContentType).HasMaxLength(100);
    }
}
