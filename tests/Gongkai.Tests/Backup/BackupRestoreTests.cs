using System.IO.Compression;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Backup;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Backup;

/// <summary>`gongkai db backup` while the office works, and `db restore` into a new database, on both databases.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly StaffScope Staff = StaffScope.System with
    {
        DisplayName = "编辑",
        Roles = new HashSet<string> { StaffRole.CatalogEditor, StaffRole.CatalogReviewer },
    };

    private readonly string folder = Directory.CreateTempSubdirectory("gongkai-backup-test-").FullName;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_backup_taken_while_the_office_writes_should_restore_a_consistent_searchable_platform(DatabaseProvider provider)
    {
        RequirePostgresTools(provider);
        await using var source = await TestDatabase.CreateAsync(provider);
        var office = new OfficeAtWork(source, Staff);
        var file = Path.Combine(folder, "nightly.zip");
        using (var stop = new CancellationTokenSource())
        {
            var writing = office.RunAsync(stop.Token);
            if (await Task.WhenAny(office.Rounds(3), writing) == writing)
                await writing;   // failed before the backup began
            var committedBefore = office.Commits;
            var backup = await CliRun.RunAsync(source, "db", "backup", "--out", file);
            await stop.CancelAsync();
            await writing;
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("已备份到", backup.Out);
            office.CommittedBefore = committedBefore;
        }
        var manifest = ReadManifest(file);
        Assert.Equal(provider, manifest.Provider);

        await using var target = await TestDatabase.CreateAsync(provider, demo: false);
        var restore = await CliRun.RunAsync(target, "db", "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Error + restore.Out);
        Assert.Contains("检索索引", restore.Out);

        await using var scope = target.Scope();
        var restored = target.Get<GongkaiDb>(scope);
        Assert.Equal(manifest.Counts, await PlatformCounts.OfAsync(restored));
        await office.AssertRestoredIsASnapshotAsync(restored);
        await AssertSameLogsAndIndexNumbersAsync(source, restored);

        // The portal rebuilds the emptied index at start; search then finds what was restored.
        Assert.Equal(manifest.Counts.PublishedItems, await target.Services.GetRequiredService<SearchFollower>().RebuildAsync());
        var (query, _) = SearchQuery.Parse(OfficeAtWork.Phrase);
        var found = await target.Get<CatalogSearch>(scope).SearchAsync(query!, new());
        Assert.Equal(await restored.CatalogItems.CountAsync(i => i.State == CatalogState.Published && i.Title.Contains(OfficeAtWork.Phrase)), found.Total);
        Assert.True(found.Total >= 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_should_refuse_a_database_with_data_unless_forced_and_a_running_portal_always(DatabaseProvider provider)
    {
        RequirePostgresTools(provider);
        await using var db = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(folder, "before.zip");
        Assert.Equal(0, (await CliRun.RunAsync(db, "db", "backup", "--out", file)).ExitCode);
        var added = await SubmitAsync(db, "备份之后才收到的申请");

        var refused = await CliRun.RunAsync(db, "db", "restore", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.True(await ExistsAsync(db, added));

        Assert.Equal(0, (await CliRun.RunAsync(db, "search", "rebuild")).ExitCode);
        var index = db.Settings["Search:IndexPath"]!;
        Assert.NotEmpty(Directory.GetFiles(index, "segments*"));
        var forced = await CliRun.RunAsync(db, "db", "restore", file, "--force");
        Assert.True(forced.ExitCode == 0, forced.Error + forced.Out);
        Assert.False(await ExistsAsync(db, added));   // the database is as it was backed up
        using (var reopened = new CatalogIndex(new ConfigurationBuilder().AddInMemoryCollection(db.Settings).Build()))
        {
            // and its index is empty and new to the change log, to be rebuilt at the portal's start
            Assert.Equal((0, null), (reopened.Search(s => s.IndexReader.NumDocs), reopened.RebuiltAt));
        }

        // A portal on this database holds its search index: no restore under it, forced or not.
        await using (var scope = db.Scope())
            db.Get<CatalogIndex>(scope).Commit();
        var running = await CliRun.RunAsync(db, "db", "restore", file, "--force");
        Assert.Equal(2, running.ExitCode);
        Assert.Contains("停止门户", running.Error);
    }

    [Fact]
    public async Task Restore_should_refuse_a_file_that_is_not_a_backup_or_comes_from_the_other_database()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, demo: false);
        var notZip = Path.Combine(folder, "notes.zip");
        await File.WriteAllTextAsync(notZip, "不是备份");
        var run = await CliRun.RunAsync(db, "db", "restore", notZip);
        Assert.Equal((1, true), (run.ExitCode, run.Error.Contains("不是备份文件")));

        var postgres = Path.Combine(folder, "postgres.zip");
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, DatabaseProvider.Postgres, DateTimeOffset.UtcNow, "", "PostgreSQL",
            new PlatformCounts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), new Dictionary<string, string?>());
        await using (var zip = new ZipArchive(File.Create(postgres), ZipArchiveMode.Create))
        {
            manifest.WriteTo(zip);
            zip.CreateEntry(BackupManifest.PostgresEntry);
        }
        run = await CliRun.RunAsync(db, "db", "restore", postgres);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("不支持跨数据库类型恢复", run.Error);
    }

    [Fact]
    public async Task Backup_and_restore_should_work_through_a_connection_string_naming_a_primary_and_its_standby()
    {
        // As deploy/gongkai.env.example has it (Host=db1,db2;Target Session Attributes=primary), the first server down.
        RequirePostgresTools(DatabaseProvider.Postgres);
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var file = Path.Combine(folder, "two-servers.zip");
        var backup = await CliRun.RunAsync(TwoServers(source), "db", "backup", "--out", file);
        Assert.True(backup.ExitCode == 0, backup.Error);

        await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, demo: false);
        var restore = await CliRun.RunAsync(TwoServers(target), "db", "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Error + restore.Out);
        await using var scope = target.Scope();
        Assert.Equal(ReadManifest(file).Counts, await PlatformCounts.OfAsync(target.Get<GongkaiDb>(scope)));
    }

    /// <summary>The database's settings with a server that refuses connections named before the real one.</summary>
    private static Dictionary<string, string?> TwoServers(TestDatabase db)
    {
        var real = new Npgsql.NpgsqlConnectionStringBuilder(db.Settings["ConnectionStrings:Gongkai"]);
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var settings = db.Settings.ToDictionary();
        settings["ConnectionStrings:Gongkai"] = new Npgsql.NpgsqlConnectionStringBuilder(real.ConnectionString)
        {
            Host = $"127.0.0.1:{port},{real.Host}:{real.Port}",
            TargetSessionAttributes = "primary",
        }.ConnectionString;
        return settings;
    }

    /// <summary>pg_dump and pg_restore come with postgresql-client, which .ci/run installs; elsewhere their absence skips.</summary>
    private static void RequirePostgresTools(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres || (PostgresTools.Find("pg_dump") is not null && PostgresTools.Find("pg_restore") is not null))
            return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("CI=true but pg_dump or pg_restore is not on the PATH (Debian: postgresql-client).");
        Assert.Skip("pg_dump/pg_restore not on the PATH (Debian: postgresql-client); PostgreSQL backup tests skipped.");
    }

    private static BackupManifest ReadManifest(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        var (manifest, problem) = BackupManifest.Read(zip);
        Assert.Null(problem);
        return manifest!;
    }

    /// <summary>Every restored application has the log it had, every published item the 索引号 it had.</summary>
    private static async Task AssertSameLogsAndIndexNumbersAsync(TestDatabase source, GongkaiDb restored)
    {
        await using var scope = source.Scope();
        var original = source.Get<GongkaiDb>(scope);
        var logs = await restored.ApplicationLog.GroupBy(e => e.ApplicationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var originalLogs = await original.ApplicationLog.GroupBy(e => e.ApplicationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(await restored.Applications.CountAsync(), logs.Count);
        Assert.All(logs, l => Assert.Equal(originalLogs[l.Key], l.Value));

        var numbers = await restored.CatalogItems.Where(i => i.State == CatalogState.Published).ToDictionaryAsync(i => i.Id, i => i.IndexNumber);
        var originalNumbers = await original.CatalogItems.Where(i => i.State == CatalogState.Published).ToDictionaryAsync(i => i.Id, i => i.IndexNumber);
        Assert.All(numbers, n => Assert.Equal(originalNumbers[n.Key], Assert.IsType<string>(n.Value)));
    }

    private static async Task<Guid> SubmitAsync(TestDatabase db, string description)
    {
        await using var scope = db.Scope();
        return (await db.Get<SubmitApplication>(scope).OnlineAsync(SeedDemoData.CodeOf("jyj"), ApplicationBuilder.Person(description))).Value!.Id;
    }

    private static async Task<bool> ExistsAsync(TestDatabase db, Guid application)
    {
        await using var scope = db.Scope();
        return await db.Get<GongkaiDb>(scope).Applications.AnyAsync(a => a.Id == application);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
