using System.Data;
using System.IO.Compression;
using Gongkai.App.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Gongkai.App.Backup;

/// <summary>
/// `gongkai db backup --out FILE`: one zip holding a consistent copy of the database (taken while the portal runs and
/// writes) and its <see cref="BackupManifest"/>, whose counts are made on the very snapshot that was copied. SQLite:
/// the online backup API; PostgreSQL: pg_dump's custom format on a snapshot exported by the transaction that counts.
/// The file appears under its name only when complete.
/// </summary>
public sealed class BackupDatabase(DatabaseSettings settings, IConfiguration configuration, TimeProvider clock)
{
    public async Task<Outcome<BackupManifest>> HandleAsync(string outFile, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(outFile);
        if (Directory.Exists(target))
            return Outcome<BackupManifest>.Invalid("Out", $"{target} 是一个文件夹，请给出备份文件的名称（如 gongkai-备份.zip）。");
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // Work beside the result (a database copy can be large; /tmp may be small), under names the pruning script skips.
        var work = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var databaseFile = Path.Combine(work, settings.Provider == DatabaseProvider.Postgres ? BackupManifest.PostgresEntry : BackupManifest.SqliteEntry);
            var (snapshot, problem) = settings.Provider == DatabaseProvider.Postgres
                ? await DumpPostgresAsync(databaseFile, ct)
                : (await CopySqliteAsync(databaseFile, ct), null);
            if (snapshot is null)
                return Outcome<BackupManifest>.Missing(problem!);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, settings.Provider, clock.GetUtcNow(), snapshot.Value.Schema,
                settings.Describe(), snapshot.Value.Counts, PublicConfiguration.Of(configuration, settings));
            var partial = Path.Combine(work, "backup.zip");
            await using (var zip = new ZipArchive(File.Create(partial), ZipArchiveMode.Create))
            {
                manifest.WriteTo(zip);
                // pg_dump's custom format is compressed already; a SQLite file compresses well.
                await zip.CreateEntryFromFileAsync(databaseFile, manifest.DatabaseEntry,
                    settings.Provider == DatabaseProvider.Postgres ? CompressionLevel.NoCompression : CompressionLevel.Fastest, ct);
            }
            File.Move(partial, target, overwrite: true);
            return Outcome<BackupManifest>.Done(manifest);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<(string Schema, PlatformCounts Counts)> CopySqliteAsync(string copyFile, CancellationToken ct)
    {
        var copyConnection = new SqliteConnectionStringBuilder { DataSource = copyFile, Pooling = false }.ToString();
        await using (var source = new SqliteConnection(settings.ConnectionString))
        await using (var copy = new SqliteConnection(copyConnection))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            // One step under one read transaction: a snapshot, while writers go on (WAL).
            source.BackupDatabase(copy);
        }
        await using var db = new SqliteGongkaiDb(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite(copyConnection).Options);
        return await SnapshotAsync(db, ct);
    }

    private async Task<((string Schema, PlatformCounts Counts)?, string?)> DumpPostgresAsync(string dumpFile, CancellationToken ct)
    {
        if (PostgresTools.Find("pg_dump") is not { } pgDump)
            return (null, PostgresTools.Missing("pg_dump"));
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        // The counts and pg_dump read the same snapshot: exported by this transaction, held open until pg_dump is done.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshotId = (string)(await export.ExecuteScalarAsync(ct))!;
        await using var db = new PostgresGongkaiDb(new DbContextOptionsBuilder<PostgresGongkaiDb>().UseNpgsql(connection).Options);
        await db.Database.UseTransactionAsync(transaction, ct);
        var snapshot = await SnapshotAsync(db, ct);
        var (exit, error) = await PostgresTools.RunAsync(pgDump,
            ["--format=custom", $"--snapshot={snapshotId}", $"--file={dumpFile}", "--no-password"], PostgresTools.OnServerOf(settings.ConnectionString, connection), ct);
        await transaction.RollbackAsync(ct);
        return exit == 0 ? (snapshot, null) : (null, $"pg_dump 失败（退出码 {exit}）：{error}");
    }

    private static async Task<(string Schema, PlatformCounts Counts)> SnapshotAsync(GongkaiDb db, CancellationToken ct) =>
        ((await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault() ?? "", await PlatformCounts.OfAsync(db, ct));
}
