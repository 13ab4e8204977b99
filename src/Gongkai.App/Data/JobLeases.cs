using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Data;

/// <summary>
/// A named lease on a piece of scheduled work, so that when several nodes run only one does it: a node takes the lease
/// when it is free or expired and renews it while it works (<see cref="JobLeases"/>).
/// </summary>
public class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime Until { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> l)
    {
        l.ToTable("job_leases");
        l.HasKey(x => x.Name);
        l.Property(x => x.Name).HasMaxLength(60);
        l.Property(x => x.Holder).HasMaxLength(100);
    }
}

/// <summary>Takes and releases <see cref="JobLease"/>s: one conditional write, so two nodes never both hold one.</summary>
public sealed class JobLeases(GongkaiDb db, TimeProvider clock)
{
    /// <summary>Who this process is, as a lease holder: the machine and the process.</summary>
    public static readonly string Me = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    private static string Truncate(string s) => s.Length <= 100 ? s : s[^100..];

    /// <summary>Takes <paramref name="name"/> for <paramref name="length"/> (or renews it when this process holds it); false when another holder's lease runs.</summary>
    public async Task<bool> TryTakeAsync(string name, TimeSpan length, string? holder = null, CancellationToken ct = default)
    {
        holder ??= Me;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + length;
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.Until < now || l.Holder == holder))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), ct);
        if (taken == 1)
            return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
            return false;
        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = holder, Until = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another node inserted it first
        }
    }

    /// <summary>Gives the lease up now (when this process holds it).</summary>
    public Task ReleaseAsync(string name, string? holder = null, CancellationToken ct = default)
    {
        holder ??= Me;
        var past = DateTime.UnixEpoch;
        return db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Until, past), ct);
    }
}
