using System.Diagnostics;
using System.Runtime.InteropServices;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Cases;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// Compiling a jurisdiction's annual report (<see cref="CompileReport"/>, <see cref="ReportScope.Jurisdiction"/>) for the
/// top unit of a city of <c>--units</c> units with <c>--applications</c> applications, ~2,000 review cases and
/// <c>--items</c> catalog items (<see cref="ReportData"/>). The database is the configured one (Database:Provider,
/// ConnectionStrings:Gongkai, as the app reads them), by default the SQLite file ./data/report-bench.db; it is
/// generated once and reused while its data matches the sizes asked for. Times one cold compile (a fresh process) and
/// <c>--runs</c> warm ones, each in a fresh DI scope, and checks the figures against independent counts.
/// </summary>
internal static class ReportBench
{
    private const string DefaultFile = "data/report-bench.db";

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
        var year = Option("--year", DateTime.UtcNow.Year - 1);
        var sizes = new ReportData.Sizes(Option("--units", 500), Option("--applications", 100_000), Option("--items", 1_400_000),
            Option("--cases", 2_000), year, Option("--body-chars", 1_650));
        var runs = Option("--runs", 20);

        var configured = new ConfigurationBuilder().AddGongkaiConfiguration().Build();
        var ours = DatabaseSettings.From(configured).Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(configured.GetConnectionString("Gongkai"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ours ? new Dictionary<string, string?> { ["ConnectionStrings:Gongkai"] = DatabaseSettings.SqliteFile(DefaultFile) } : [])
            .AddGongkaiConfiguration().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddGongkaiData();
        // Migrations first, then whatever the model has that no migration has yet (see MigrateAsync).
        services.ConfigureDbContext<SqliteGongkaiDb>(o => o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        services.ConfigureDbContext<PostgresGongkaiDb>(o => o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        services.AddReports();
        await using var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredService<DatabaseSettings>();

        if (!await IsReadyAsync(provider, sizes))
        {
            var generated = await GenerateAsync(provider, settings, sizes, ours);
            if (generated != 0)
                return generated;
            // Time in a fresh process, so that the cold compile is cold (model, queries and code not yet built).
            return await RerunAsync(args);
        }

        if (args.Contains("--evict"))
            Evict(settings);   // the cold compile reads from the disk, not the page cache (SQLite, Linux)
        var file = settings.Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource : null;
        Console.WriteLine($"Report {year}, jurisdiction of the top unit: {sizes.Units:N0} units, {sizes.Applications:N0} applications, "
            + $"{sizes.Cases:N0} review cases, {sizes.Items:N0} catalog items (bodies ~{sizes.BodyChars:N0} 字); {Environment.ProcessorCount} cores; "
            + (file is null ? settings.Describe() : $"SQLite {new FileInfo(file).Length / 1e9:0.00} GB"));

        var times = new List<double>();
        var allocated = new List<long>();
        CompiledReport? report = null;
        for (var run = 0; run <= runs; run++)
        {
            await using var scope = provider.CreateAsyncScope();
            var compile = scope.ServiceProvider.GetRequiredService<CompileReport>();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var outcome = await compile.HandleAsync(ReportData.TopCode, year, ReportScope.Jurisdiction);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            report = outcome.Value ?? throw new InvalidOperationException($"编制失败：{string.Join("；", outcome.Problems)}");
            if (run == 0)
                Console.WriteLine($"cold (first compile in the process{(args.Contains("--evict") ? ", database file evicted from the page cache" : "")}): {elapsed:F0} ms");
            else
                times.Add(elapsed);
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        await using (var scope = provider.CreateAsyncScope())
        {
            var counted = await ExpectedAsync(scope.ServiceProvider.GetRequiredService<GongkaiDb>(), year);
            Console.WriteLine($"records read per compile: {counted.Applications:N0} applications, {counted.Items:N0} catalog items (规章/规范性文件), "
                + $"{counted.Cases:N0} cases; {report!.Units.Count:N0} units in the breakdown; {report.Findings.Count} findings");
            var problems = Check(report, counted, sizes);
            if (problems.Count > 0)
            {
                problems.ForEach(p => Console.Error.WriteLine($"CHECK FAILED: {p}"));
                return 1;
            }
            Console.WriteLine($"checked: t3 received {counted.Received:N0}, carried over {counted.CarriedOver:N0}, answered {counted.Answered:N0}, "
                + $"carried forward {counted.CarriedForward:N0}; t2 issued {counted.Issued:N0}; t4 total {counted.CaseTotal:N0} — as counted independently");
        }

        if (times.Count > 0)
        {
            times.Sort();
            var warm = allocated.Skip(1).ToList();
            Console.WriteLine();
            Console.WriteLine("| compile | min ms | p50 ms | p95 ms | max ms | allocated/compile | peak working set |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| warm, {times.Count} runs | {times[0]:F0} | {Quantile.At(times, 0.50):F0} | {Quantile.At(times, 0.95):F0} | {times[^1]:F0} "
                + $"| {warm.Average() / 1048576:F0} MB | {peak / 1048576} MB |");
        }
        return 0;
    }


    // --- The database -------------------------------------------------------------------------------------------------

    private static async Task<bool> IsReadyAsync(IServiceProvider provider, ReportData.Sizes sizes)
    {
        await using var scope = provider.CreateAsyncScope();
        if (!await MigrateDatabase.HasSchemaAsync(scope.ServiceProvider))
            return false;
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            return false;
        return await db.Units.AnyAsync(u => u.Code == ReportData.TopCode && u.WebContact == sizes.Signature);
    }

    /// <returns>0 when generated, else the exit code.</returns>
    private static async Task<int> GenerateAsync(ServiceProvider provider, DatabaseSettings settings, ReportData.Sizes sizes, bool ours)
    {
        if (ours)
        {
            // Our own file: start afresh.
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { "", "-wal", "-shm", "-journal" }.Select(s => Path.GetFullPath(DefaultFile) + s).Where(File.Exists))
                File.Delete(path);
        }
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        if (!ours && await MigrateDatabase.HasSchemaAsync(scope.ServiceProvider) && await db.Units.AnyAsync())
        {
            Console.Error.WriteLine($"{settings.Describe()} already holds other data: give the benchmark an empty database (or none, for its own SQLite file).");
            return 2;
        }
        Console.Error.WriteLine($"Generating the report benchmark's data into {settings.Describe()} …");
        var watch = Stopwatch.StartNew();
        await new MigrateDatabase(db, settings).HandleAsync();
        await db.Database.OpenConnectionAsync();
        if (db.Database.IsSqlite())
        {
            // Bulk load: no WAL copy of every page (new pages need no rollback journal), a large cache for the indexes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;");
        }
        await new ReportData(db, sizes).GenerateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA optimize;");   // as MigrateDatabase leaves it
        else
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        await db.Database.CloseConnectionAsync();
        var size = settings.Provider == DatabaseProvider.Sqlite ? $", {new FileInfo(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource).Length / 1e9:0.00} GB" : "";
        Console.Error.WriteLine($"Generated in {watch.Elapsed.TotalSeconds:0} s{size}.");
        return 0;
    }

    private static async Task<int> RerunAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(ReportBench).Assembly.Location);
        start.ArgumentList.Add("report");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static void Evict(DatabaseSettings settings)
    {
        if (settings.Provider != DatabaseProvider.Sqlite || !OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("--evict: only for SQLite on Linux; ignored.");
            return;
        }
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            _ = PosixFadvise((int)stream.SafeFileHandle.DangerousGetHandle(), 0, 0, 4);   // POSIX_FADV_DONTNEED
        }
    }

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);

    // --- The check: what the figures must be, counted another way ---------------------------------------------------

    private sealed record Expected(int Applications, int Items, int Cases, int Received, int CarriedOver, int Answered, int CarriedForward,
        int Issued, int CaseTotal);

    /// <summary>
    /// Counts in the database what table 三, table 二 and table 四 of the whole jurisdiction (every unit of the benchmark is
    /// under the top unit) must show, with queries of their own, and how many records the compile reads.
    /// </summary>
    private static async Task<Expected> ExpectedAsync(GongkaiDb db, int year)
    {
        var (first, last, lastYearStart) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));
        var applications = db.Applications.Where(a => a.ReceivedOn != null);
        var published = db.CatalogItems.Where(i => (i.Genre == Genre.Rule || i.Genre == Genre.NormativeDocument)
            && (i.State == CatalogState.Published || i.State == CatalogState.Withdrawn) && i.PublishedOn != null);
        var cases = await db.ReviewCases.Where(c => c.Counted).Select(c => new { c.FiledOn, c.DecidedOn, c.Result }).ToListAsync();
        return new(
            Applications: await applications.CountAsync(a => a.ReceivedOn <= last && (a.AnsweredOn == null || a.AnsweredOn >= lastYearStart)),
            Items: await published.CountAsync(i => i.PublishedOn <= last),
            Cases: cases.Count(c => c.FiledOn <= last && (c.DecidedOn == null || c.DecidedOn >= lastYearStart)),
            Received: await applications.CountAsync(a => a.ReceivedOn >= first && a.ReceivedOn <= last),
            CarriedOver: await applications.CountAsync(a => a.ReceivedOn < first && (a.AnsweredOn == null || a.AnsweredOn >= first)),
            Answered: await applications.CountAsync(a => a.AnsweredOn >= first && a.AnsweredOn <= last && a.Outcome != null),
            CarriedForward: await applications.CountAsync(a => a.ReceivedOn <= last && (a.AnsweredOn == null || a.AnsweredOn > last)),
            Issued: await published.CountAsync(i => i.PublishedOn >= first && i.PublishedOn <= last),
            CaseTotal: cases.Count(c => CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, year) is not null));
    }

    private static List<string> Check(CompiledReport report, Expected expected, ReportData.Sizes sizes)
    {
        var problems = new List<string>();
        decimal Cell(string key) => report.Figures[key]?.Value ?? throw new InvalidOperationException($"no cell {key}");
        void Same(string what, decimal actual, decimal wanted)
        {
            if (actual != wanted)
                problems.Add($"{what}: the report says {actual:N0}, the records {wanted:N0}");
        }
        Same("t3 本年新收 total", Cell(ReportKeys.Table3Cell(ReportKeys.Received, ReportKeys.Total)), expected.Received);
        Same("t3 上年结转 total", Cell(ReportKeys.Table3Cell(ReportKeys.CarriedOver, ReportKeys.Total)), expected.CarriedOver);
        Same("t3 办理结果总计 total", Cell(ReportKeys.Table3Cell(ReportKeys.OutcomesTotal, ReportKeys.Total)), expected.Answered);
        Same("t3 结转下年度 total", Cell(ReportKeys.Table3Cell(ReportKeys.CarriedForward, ReportKeys.Total)), expected.CarriedForward);
        if (report.Form == ReportForm.Form2021)
        {
            Same("t2 本年制发 (规章 + 规范性文件)", Cell(ReportKeys.Cell(ReportKeys.Table2, "rules", "issued"))
                + Cell(ReportKeys.Cell(ReportKeys.Table2, "normative_documents", "issued")), expected.Issued);
        }
        Same("t4 总计 (all groups)", ReportKeys.Table4Groups.Sum(g => Cell(ReportKeys.Table4Cell(g, ReportKeys.Total))), expected.CaseTotal);
        Same("units in the breakdown", report.Units.Count, sizes.Units);
        Same("t3 本年新收 summed over the units", report.Units.Sum(u => u.Figures[ReportKeys.Table3Cell(ReportKeys.Received, ReportKeys.Total)]?.Value ?? 0),
            expected.Received);
        if (expected.Received == 0 || expected.Issued == 0 || expected.CaseTotal == 0)
            problems.Add("nothing to count: the benchmark would time empty queries");
        return problems;
    }
}
