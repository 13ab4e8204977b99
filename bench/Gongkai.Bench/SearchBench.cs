using System.Diagnostics;
using Gongkai.App;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// Catalog search latency on the catalog in ./data (e.g. after `gongkai demo catalog --items 1000000`), through the
/// same <see cref="CatalogSearch"/> the portal calls — index, database look-up of the 20 hits and snippets included.
/// Queries are drawn from the catalog itself, as people would type them: 2–6 character pieces of titles, two of them,
/// quoted 4–6 character phrases of bodies, existing 文号, and the same terms sorted by date; each without a filter
/// and with one (a unit's subtree, a genre, a year, or 有效). Warm: every query runs twice, with a pause, before the timed round.
/// </summary>
internal static class SearchBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--queries").Skip(1).Select(int.Parse).FirstOrDefault(300);
        // --slowest N: the N slowest queries of each row on standard error, to see what the tail is made of.
        var slowest = args.SkipWhile(a => a != "--slowest").Skip(1).Select(int.Parse).FirstOrDefault(0);
        // --rows TEXT: only the rows whose "query | filter" name contains TEXT (queries are drawn as for a full run).
        var rows = args.SkipWhile(a => a != "--rows").Skip(1).FirstOrDefault("");
        var configuration = new ConfigurationBuilder().AddGongkaiConfiguration().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddGongkaiData();
        services.AddUnits().AddAccounts().AddCatalog();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();

        var items = await db.CatalogItems.CountAsync(i => i.State == CatalogState.Published);
        Console.WriteLine($"Catalog: {items:N0} published items; {Environment.ProcessorCount} cores; {count} queries per row.");
        var random = new Random(42);
        var sample = await SampleAsync(db, random, count * 2);
        var units = await db.Units.OrderBy(u => u.Code).Select(u => u.Code).ToListAsync();
        var years = sample.Select(s => s.Year).Distinct().ToList();

        string Piece(string text, int min, int max)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var length = random.Next(min, max + 1);
                if (text.Length < length)
                    continue;
                var piece = text.Substring(random.Next(text.Length - length + 1), length);
                if (piece.All(c => c is >= '\u4E00' and <= '\u9FFF'))
                    return piece;
            }
            return "工作";
        }
        var kinds = new (string Name, Func<string> Query, bool ByDate)[]
        {
            ("single term (2–6 字)", () => Piece(Any(sample).Title, 2, 6), false),
            ("two terms", () => { var t = Any(sample).Title; return $"{Piece(t, 2, 4)} {Piece(t, 2, 4)}"; }, false),
            ("phrase (quoted, 4–6 字 of a body)", () => $"「{Piece(Any(sample).Text, 4, 6)}」", false),
            ("文号", () => Any(sample.Where(s => s.DocumentNumber.Length > 0).Select(s => s.DocumentNumber).DefaultIfEmpty("青政发〔2025〕1号").ToList()), false),
            ("single term, sorted by date", () => Piece(Any(sample).Title, 2, 6), true),
        };
        var filters = new (string Name, Func<bool, CatalogSearch.Filter> Make)[]
        {
            ("none", byDate => new(ByDate: byDate)),
            ("unit subtree", byDate => new(Unit: Any(units), ByDate: byDate)),
            ("genre", byDate => new(Genre: Any(Enum.GetValues<Genre>()), ByDate: byDate)),
            ("one year", byDate => { var year = Any(years); return new(From: new DateOnly(year, 1, 1), To: new DateOnly(year, 12, 31), ByDate: byDate); }),
            ("有效", byDate => new(Validity: Validity.InForce, ByDate: byDate)),
        };

        Console.WriteLine();
        Console.WriteLine("| query | filter | p50 ms | p95 ms | p99 ms | mean hits/page |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (kind, make, byDate) in kinds)
        {
            foreach (var (filterName, filter) in filters)
            {
                var runs = Enumerable.Range(0, count).Select(_ => (Query: SearchQuery.Parse(make()).Query!, Filter: filter(byDate))).ToList();
                if (!$"{kind} | {filterName}".Contains(rows, StringComparison.Ordinal))
                    continue;
                // Warm, as a portal that has been up a while: index pages in memory and the code compiled at its final tier
                // (.NET first compiles quickly, then recompiles what runs often once the process has been quiet for a moment —
                // measured without this pause, a row ran up to twice as slow on the first tier's code).
                for (var round = 0; round < 2; round++)
                {
                    foreach (var (query, f) in runs)
                        await search.SearchAsync(query, f);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
                var times = new List<double>();
                var hits = 0;
                var slow = new List<(double Ms, string Query, CatalogSearch.Filter Filter, long Total)>();
                foreach (var (query, f) in runs)
                {
                    var watch = Stopwatch.StartNew();
                    var result = await search.SearchAsync(query, f);
                    hits += result.Hits.Count;
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    slow.Add((times[^1], string.Join(" ", query.Terms.Concat(query.Phrases.Select(p => $"「{p}」"))), f, result.Total));
                }
                foreach (var (ms, query, f, total) in slow.OrderByDescending(s => s.Ms).Take(slowest))
                    Console.Error.WriteLine($"{kind} | {filterName}: {ms:F1} ms «{query}» {f} total {total}");
                times.Sort();
                Console.WriteLine($"| {kind} | {filterName} | {Quantile.At(times, 0.50):F2} | {Quantile.At(times, 0.95):F2} | {Quantile.At(times, 0.99):F2} | {hits / (double)runs.Count:F1} |");
            }
        }

        T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
    }


    private sealed record Sampled(string Title, string Text, string DocumentNumber, int Year);

    /// <summary>Random published items (by random ids, cheap on a big table); the same ones on every run over the same data.</summary>
    private static async Task<List<Sampled>> SampleAsync(GongkaiDb db, Random random, int count)
    {
        var ids = await db.CatalogItems.Where(i => i.State == CatalogState.Published).Select(i => i.Id).ToListAsync();
        ids.Sort();   // the database's order depends on its query plan, which its statistics may change between runs
        var picked = Enumerable.Range(0, Math.Min(count, ids.Count)).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
        var rows = await db.CatalogItems.Where(i => picked.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => new { i.Title, i.Body, i.DocumentNumber, i.PublishedOn }).ToListAsync();
        return [.. rows.Select(r => new Sampled(r.Title, PublishCatalogItem.PlainText(r.Body), r.DocumentNumber, r.PublishedOn!.Value.Year))];
    }
}
