using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.App.Data;

/// <summary>`gongkai db migrate`: brings the configured database to the newest schema and makes sure the staff roles exist.</summary>
public sealed class MigrateDatabase(GongkaiDb db, DatabaseSettings settings)
{
    public async Task HandleAsync(CancellationToken ct = default)
    {
        if (settings.SqliteDirectory is { } directory)
            Directory.CreateDirectory(directory);
        await db.Database.MigrateAsync(ct);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the CLI write while the portal reads the same file; it is stored in the file once set.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var existing = await db.Roles.Select(r => r.Name!).ToListAsync(ct);
        foreach (var role in StaffRole.All.Except(existing))
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether any migration has run on the configured database (false for a missing or empty SQLite file).</summary>
    public static async Task<bool> HasSchemaAsync(IServiceProvider services)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
            return false;
        return (await services.GetRequiredService<GongkaiDb>().Database.GetAppliedMigrationsAsync()).Any();
    }
}
