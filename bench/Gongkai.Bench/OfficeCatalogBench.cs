using System.Diagnostics;
using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// The office catalog list (/office/catalog) on the catalog in ./data (e.g. after `gongkai demo catalog --items 1000000`):
/// what the page reads for one request — <see cref="OfficeCatalog.ListAsync"/> (the page and its total) and the tabs'
/// counts — for the first page, a deep page either way, each filter, a title search and a 索引号, as a 系统管理员 (the
/// whole city) and as a district's 单位管理员. Warm: each row runs once untimed, then <c>--runs</c> times.
/// </summary>
internal static class OfficeCatalogBench
{
    /// <summary>The index the list reads (see CatalogItemConfiguration), as its migration will name it.</summary>
    private const string IndexName = "IX_catalog_items_State_PublishedOn_Id_UnitId_Genre_Title";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(50);
        var only = args.SkipWhile(a => a != "--rows").Skip(1).FirstOrDefault("");
        var configuration = new ConfigurationBuilder().AddGongkaiConfiguration().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddGongkaiData();
        if (args.Contains("--sql"))   // each statement on standard error, to read its plan
        {
            services.ConfigureDbContext<SqliteGongkaiDb>(o => o.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted]));
            services.ConfigureDbContext<PostgresGongkaiDb>(o => o.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted]));
        }
        services.AddUnits().AddAccounts().AddApplications().AddCatalog();
        await using var provider = services.BuildServiceProvider();

        Sample sample;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            if (!await HasIndexAsync(db))
                Console.Error.WriteLine($"注意：数据库中没有索引 {IndexName}（尚无迁移时可手工创建，见 README），以下结果不代表正式部署。");
            sample = await SampleAsync(db, new Random(12), runs);
        }
        var items = sample.Total;
        Console.WriteLine($"Catalog: {items:N0} items; {Environment.ProcessorCount} cores; {runs} runs per row; provider {provider.GetRequiredService<DatabaseSettings>().Provider}.");
        var random = new Random(26);
        T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        var city = StaffScope.System;
        var district = new StaffScope("bench", "区管理员", sample.District.Path, new HashSet<string> { StaffRole.UnitAdmin });
        var published = new OfficeCatalog.Filter(CatalogState.Published);
        var rows = new (string Name, StaffScope Actor, Func<(OfficeCatalog.Filter Filter, ListKey? After, ListKey? Before)> Make)[]
        {
            ("first page, 全部", city, () => (new(), null, null)),
            ("first page, 已发布", city, () => (published, null, null)),
            ("deep page (after a random item), 已发布", city, () => (published, Any(sample.Keys), null)),
            ("deep page back (before a random item), 已发布", city, () => (published, null, Any(sample.Keys))),
            ("state 草稿", city, () => (new(CatalogState.Draft), null, null)),
            ("unit subtree (random unit)", city, () => (new(Unit: Any(sample.Units)), null, null)),
            ("genre (random)", city, () => (new(Genre: Any(Enum.GetValues<Genre>())), null, null)),
            ("year (random)", city, () => (new(Year: Any(sample.Years)), null, null)),
            ("unit + genre + year", city, () => (new(Unit: Any(sample.Units), Genre: Any(Enum.GetValues<Genre>()), Year: Any(sample.Years)), null, null)),
            ("title piece (2–6 字)", city, () => (new(Title: Any(sample.Pieces)), null, null)),
            ("title piece, next page", city, () => (new(Title: Any(sample.Pieces)), Any(sample.Keys), null)),
            ("索引号", city, () => (new(IndexNumber: Any(sample.IndexNumbers)), null, null)),
            ("district account, first page, 全部", district, () => (new(), null, null)),
            ("district account, deep page, 已发布", district, () => (published, Any(sample.DistrictKeys), null)),
            ("district account, title piece", district, () => (new(Title: Any(sample.Pieces)), null, null)),
        };

        Console.WriteLine();
        // CPU: the process's processor time over the request (the database runs in the process): what the page costs on an idle machine.
        Console.WriteLine("| page | median ms | p95 ms | max ms | CPU median ms | CPU p95 ms | mean rows | totals estimated |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, actor, make) in rows)
        {
            var requests = Enumerable.Range(0, runs).Select(_ => make()).ToList();   // drawn for every row, so a row's are the same with --rows
            if (!name.Contains(only, StringComparison.Ordinal))
                continue;
            foreach (var request in requests.Take(Math.Min(5, runs)))
                await RequestAsync(provider, actor, request);   // warm: the code compiled and the pages in memory
            var (times, cpu) = (new List<double>(), new List<double>());
            var (shown, estimated) = (0, 0);
            var process = Process.GetCurrentProcess();
            foreach (var request in requests)
            {
                process.Refresh();
                var used = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var page = await RequestAsync(provider, actor, request);
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - used).TotalMilliseconds);
                shown += page.Rows.Count;
                estimated += page.Total.Exact ? 0 : 1;
            }
            times.Sort();
            cpu.Sort();
            Console.WriteLine($"| {name} | {Quantile.At(times, 0.50):F1} | {Quantile.At(times, 0.95):F1} | {times[^1]:F1} | {Quantile.At(cpu, 0.50):F0} | {Quantile.At(cpu, 0.95):F0} | {shown / (double)runs:F1} | {estimated}/{runs} |");
        }
        return 0;
    }

    /// <summary>What the page reads for one request, in a fresh scope as a request has.</summary>
    private static async Task<OfficeCatalog.Page> RequestAsync(ServiceProvider provider, StaffScope actor, (OfficeCatalog.Filter Filter, ListKey? After, ListKey? Before) request)
    {
        await using var scope = provider.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<OfficeCatalog>();
        var page = await list.ListAsync(actor, request.Filter, request.After, request.Before);
        await list.CountUnlistedAsync(actor);
        return page;
    }

    private sealed record Sample(long Total, List<ListKey> Keys, List<ListKey> DistrictKeys, List<string> Pieces, List<string> IndexNumbers,
        List<string> Units, List<int> Years, (string Code, string Path) District);

    /// <summary>Random published items (by random ids, the same on every run over the same data), and what to ask about them.</summary>
    private static async Task<Sample> SampleAsync(GongkaiDb db, Random random, int count)
    {
        var total = await db.CatalogItems.LongCountAsync();
        var ids = await db.CatalogItems.Where(i => i.State == CatalogState.Published).Select(i => i.Id).ToListAsync();
        ids.Sort();
        var picked = Enumerable.Range(0, Math.Min(count * 4, ids.Count)).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
        var items = await db.CatalogItems.Where(i => picked.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.PublishedOn, i.IndexNumber, i.Title, i.Unit.Path }).ToListAsync();
        var units = await db.Units.OrderBy(u => u.Path).Select(u => new { u.Code, u.Path, u.Kind }).ToListAsync();
        var district = units.First(u => u.Kind == UnitKind.Government && u.Path.Count(c => c == '/') > 2);
        string Piece(string title)
        {
            var length = Math.Min(title.Length, random.Next(2, 7));
            return title.Substring(random.Next(title.Length - length + 1), length);
        }
        return new(total, [.. items.Select(i => new ListKey(i.PublishedOn, i.Id))],
            [.. items.Where(i => i.Path.StartsWith(district.Path, StringComparison.Ordinal)).Select(i => new ListKey(i.PublishedOn, i.Id)).DefaultIfEmpty(new ListKey(null, Guid.Empty))],
            [.. items.Select(i => Piece(i.Title))], [.. items.Select(i => i.IndexNumber!)], [.. units.Select(u => u.Code)],
            [.. items.Select(i => i.PublishedOn!.Value.Year).Distinct().Order()], (district.Code, district.Path));
    }

    private static async Task<bool> HasIndexAsync(GongkaiDb db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = db.Database.IsNpgsql()
            ? $"SELECT count(*) FROM pg_indexes WHERE indexname = '{IndexName}'"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{IndexName}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
