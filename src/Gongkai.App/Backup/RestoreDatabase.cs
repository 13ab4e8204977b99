using System.IO.Compression;
using Gongkai.App.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Gongkai.App.Backup;

/// <summary>
/// `gongkai db restore FILE`: puts a <see cref="BackupDatabase"/> file into the configured database — an empty one,
/// unless forced — on the same kind of database it came from, brings it to this version's schema, counts what it
/// holds against the manifest and empties the search index folder, so the portal rebuilds the index when it starts.
/// The portal must be stopped (its index lock tells).
/// </summary>
public sealed class RestoreDatabase(GongkaiDb db, DatabaseSettings settings, Search.CatalogIndex index, MigrateDatabase migrate, TimeProvider clock)
{
    public sealed record Input(string File, bool Force = false);

    /// <param name="Migrated">The backup had an older schema and was brought up to date.</param>
    /// <param name="IndexPath">The search index folder that was emptied.</param>
    public sealed record Result(BackupManifest Manifest, PlatformCounts Restored, bool Migrated, string IndexPath)
    {
        public bool CountsMatch => Manifest.Counts == Restored;
    }

    /// <returns>Invalid: not a backup this program can restore (nothing written); Denied: the database is not empty, or the
    /// portal runs; Missing: pg_restore is not installed or failed.</returns>
    public async Task<Outcome<Result>> HandleAsync(Input input, CancellationToken ct = default)
    {
        if (!File.Exists(input.File))
            return Outcome<Result>.Invalid("File", $"找不到备份文件 {Path.GetFullPath(input.File)}。");
        using var zip = OpenZip(input.File);
        if (zip is null)
            return Outcome<Result>.Invalid("File", $"{input.File} 不是备份文件（不是 zip 格式）。");
        var (manifest, problem) = BackupManifest.Read(zip);
        if (manifest is null)
            return Outcome<Result>.Invalid("File", problem!);
        if (manifest.Provider != settings.Provider)
            return Outcome<Result>.Invalid("File", $"这是 {Name(manifest.Provider)} 数据库的备份，当前配置的是 {Name(settings.Provider)}：不支持跨数据库类型恢复。"
                + $"请在 Database:Provider={manifest.Provider} 的配置下恢复。");
        if (manifest.Schema.Length > 0 && !db.Database.GetMigrations().Contains(manifest.Schema))
            return Outcome<Result>.Invalid("File", $"备份的数据库结构（{manifest.Schema}）比本程序新：请先升级 Gongkai 再恢复。");

        if (!index.TryOpen())
            return Outcome<Result>.Denied("检索索引正被另一个进程使用（门户正在运行？）：恢复前请先停止门户。");
        if (await HasSchemaAsync(ct) && await PlatformCounts.OfAsync(db, ct) is { IsEmpty: false } existing && !input.Force)
            return Outcome<Result>.Denied($"目标数据库不是空的（{existing.Units} 个单位，{existing.Applications} 件申请，{existing.CatalogItems} 条信息）："
                + "恢复只写入空数据库。确要用备份覆盖现有数据，请加 --force。");

        var database = zip.GetEntry(manifest.DatabaseEntry)!;
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            if (await RestorePostgresAsync(database, ct) is { } failed)
                return Outcome<Result>.Missing(failed);
        }
        else if (await RestoreSqliteAsync(database, manifest.Counts, ct) is { } corrupt)
        {
            return Outcome<Result>.Invalid("File", corrupt);
        }
        var migrated = (await db.Database.GetPendingMigrationsAsync(ct)).Any();
        if (migrated)
            await migrate.HandleAsync(ct);
        var restored = await PlatformCounts.OfAsync(db, ct);
        // The restored search change log and node table describe indexes as they were at the backup: every node,
        // this one included, rebuilds from the restored database instead.
        await db.Set<Search.SearchChange>().ExecuteDeleteAsync(ct);
        await db.Set<Search.SearchNode>().ExecuteDeleteAsync(ct);
        db.Add(PageCache.PageChange.Of([PageCache.PortalAreas.Units], clock.GetUtcNow().UtcDateTime));   // every cached page, on every node
        await db.SaveChangesAsync(ct);
        index.Reset();
        return Outcome<Result>.Done(new(manifest, restored, migrated, index.Folder));
    }

    /// <summary>
    /// Checks the copy's counts before anything is written (a corrupt backup: the reason), then copies it over the
    /// target page by page with SQLite's backup API.
    /// </summary>
    private async Task<string?> RestoreSqliteAsync(ZipArchiveEntry entry, PlatformCounts expected, CancellationToken ct)
    {
        var target = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, $".restore-{Guid.NewGuid():N}.db");
        var copyConnection = new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString();
        try
        {
            await entry.ExtractToFileAsync(copy, ct);
            await using (var copyDb = new SqliteGongkaiDb(new DbContextOptionsBuilder<SqliteGongkaiDb>().UseSqlite(copyConnection).Options))
            {
                if (await PlatformCounts.OfAsync(copyDb, ct) != expected)
                    return "备份中的数据库与备份清单的数量不符：备份文件已损坏，未写入任何数据。";
            }
            await using var source = new SqliteConnection(copyConnection);
            await using var destination = new SqliteConnection(settings.ConnectionString);
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            return null;
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
                File.Delete(file);
        }
    }

    /// <summary>
    /// pg_restore in one transaction: all of the backup or nothing (on failure: why); the dump's tables replace those of
    /// an earlier `db migrate`.
    /// </summary>
    private async Task<string?> RestorePostgresAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        if (PostgresTools.Find("pg_restore") is not { } pgRestore)
            return PostgresTools.Missing("pg_restore");
        var folder = Directory.CreateTempSubdirectory("gongkai-restore-").FullName;
        try
        {
            var dump = Path.Combine(folder, BackupManifest.PostgresEntry);
            await entry.ExtractToFileAsync(dump, ct);
            var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
            List<string> arguments = [$"--dbname={connection.Database ?? connection.Username}", "--no-owner", "--no-privileges",
                "--single-transaction", "--exit-on-error", "--no-password"];
            if (await HasSchemaAsync(ct))
                arguments.AddRange(["--clean", "--if-exists"]);
            arguments.Add(dump);
            string server;
            await using (var primary = new NpgsqlConnection(settings.ConnectionString))
            {
                await primary.OpenAsync(ct);
                server = PostgresTools.OnServerOf(settings.ConnectionString, primary);
            }
            var (exit, error) = await PostgresTools.RunAsync(pgRestore, arguments, server, ct);
            return exit == 0 ? null : $"pg_restore 失败（退出码 {exit}），数据库未改动：{error}";
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<bool> HasSchemaAsync(CancellationToken ct) =>
        (settings.Provider == DatabaseProvider.Postgres || File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
        && (await db.Database.GetAppliedMigrationsAsync(ct)).Any();

    private static ZipArchive? OpenZip(string file)
    {
        try
        {
            return ZipFile.OpenRead(file);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";
}
