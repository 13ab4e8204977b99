using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Applications;

/// <summary>
/// An applicant's identity and contact details for a staff member: in full to the roles that handle applications
/// (依申请办理, 单位管理员, 系统管理员), and each such read is recorded (who, when, through what); masked to the others.
/// Pages, the API and exports all read them here.
/// </summary>
public sealed class ReadApplicantContact(GongkaiDb db, TimeProvider clock)
{
    /// <param name="via">Where it was read: 办理页面, 接口 …</param>
    public async Task<ApplicantContact> HandleAsync(Application application, StaffScope actor, string via, CancellationToken ct = default)
    {
        var contact = new ApplicantContact(application.IdNumber, application.Phone, application.Email, application.Address, application.PostalCode, false);
        if (!actor.CanHandleApplications)
            return contact.Mask();
        db.Add(new ApplicantDataRead
        {
            ApplicationId = application.Id,
            AccountId = actor.AccountId,
            ActorName = actor.DisplayName,
            At = clock.GetUtcNow().UtcDateTime,
            Via = via,
        });
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>The latest reads of an application's full record, newest first.</summary>
    public Task<List<ApplicantDataRead>> ReadsAsync(Guid applicationId, int take = 20, CancellationToken ct = default) =>
        db.Set<ApplicantDataRead>().AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
}

/// <summary>One read of an applicant's full identity and contact details.</summary>
public class ApplicantDataRead
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string? AccountId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTime At { get; set; }
    public string Via { get; set; } = "";
}

internal sealed class ApplicantDataReadConfiguration : IEntityTypeConfiguration<ApplicantDataRead>
{
    public void Configure(EntityTypeBuilder<ApplicantDataRead> r)
    {
        r.ToTable("applicant_data_reads");
        r.HasIndex(x => x.ApplicationId);
        r.Property(x => x.AccountId).HasMaxLength(450);
        r.Property(x => x.ActorName).HasMaxLength(50);
        r.Property(x => x.Via).HasMaxLength(20);
        r.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
