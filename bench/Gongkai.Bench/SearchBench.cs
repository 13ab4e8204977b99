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
/// Besides wall-clock times, the processor time of each query (the whole process's: on a shared machine the wall-clock
/// tail is mostly other people's work, the processor time is this query's own).
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
        // --totals: every estimated total checked against the exact count (read hit by hit after the timed round, untimed).
        var checkTotals = args.Contains("--totals");
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
        await DescribeAsync(db, scope.ServiceProvider.GetRequiredService<CatalogIndex>());
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
        Console.WriteLine(checkTotals
            ? "| query | filter | p50 ms | p95 ms | p99 ms | CPU p50 ms | CPU p95 ms | mean hits/page | estimated | within ±10% | median error | worst error |"
            : "| query | filter | p50 ms | p95 ms | p99 ms | CPU p50 ms | CPU p95 ms | mean hits/page |");
        Console.WriteLine(checkTotals ? "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|---:|---:|");
        var allErrors = new List<double>();
        var worstEstimates = new List<(double Error, string Row, string Query, CatalogSearch.Filter Filter, long Estimate, long Exact)>();
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
                var (times, cpu) = (new List<double>(), new List<double>());
                var hits = 0;
                var slow = new List<(double Ms, string Query, CatalogSearch.Filter Filter, long Total)>();
                var estimated = new List<(SearchQuery Query, CatalogSearch.Filter Filter, long Total)>();
                foreach (var (query, f) in runs)
                {
                    var used = CpuClock.Milliseconds();
                    var watch = Stopwatch.StartNew();
                    var result = await search.SearchAsync(query, f);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    cpu.Add(CpuClock.Milliseconds() - used);
                    hits += result.Hits.Count;
                    slow.Add((times[^1], Text(query), f, result.Total));
                    if (!result.TotalIsExact)
                        estimated.Add((query, f, result.Total));
                }
                foreach (var (ms, query, f, total) in slow.OrderByDescending(s => s.Ms).Take(slowest))
                    Console.Error.WriteLine($"{kind} | {filterName}: {ms:F1} ms «{query}» {Describe(f)} total {total}");
                times.Sort();
                cpu.Sort();
                var line = $"| {kind} | {filterName} | {Quantile.At(times, 0.50):F2} | {Quantile.At(times, 0.95):F2} | {Quantile.At(times, 0.99):F2} | "
                    + $"{Quantile.At(cpu, 0.50):F2} | {Quantile.At(cpu, 0.95):F2} | {hits / (double)runs.Count:F1} |";
                if (checkTotals)
                {
                    // Relative errors of the estimated totals against the exact counts (the exact totals are exact by construction).
                    var errors = new List<double>();
                    foreach (var (query, f, total) in estimated)
                    {
                        var exactCount = await search.CountExactlyAsync(query, f);
                        var error = exactCount == 0 ? (total == 0 ? 0 : 1) : (double)(total - exactCount) / exactCount;
                        errors.Add(Math.Abs(error));
                        worstEstimates.Add((error, $"{kind} | {filterName}", Text(query), f, total, exactCount));
                    }
                    allErrors.AddRange(errors);
                    errors.Sort();
                    line += errors.Count == 0 ? " 0 | – | – | – |"
                        : $" {errors.Count} | {errors.Count(e => e <= 0.10) / (double)errors.Count:P0} | {Quantile.At(errors, 0.50):P1} | {errors[^1]:P1} |";
                }
                Console.WriteLine(line);
            }
        }

        if (checkTotals)
        {
            allErrors.Sort();
            Console.WriteLine();
            Console.WriteLine(allErrors.Count == 0 ? "No total was estimated."
                : $"Estimated totals: {allErrors.Count:N0} of {count * kinds.Length * filters.Length:N0} queries; within ±10% of the exact count: "
                    + $"{allErrors.Count(e => e <= 0.10) / (double)allErrors.Count:P1}; median error {Quantile.At(allErrors, 0.50):P1}, p90 {Quantile.At(allErrors, 0.90):P1}, "
                    + $"p95 {Quantile.At(allErrors, 0.95):P1}, worst {allErrors[^1]:P1}.");
            foreach (var (error, row, query, f, estimate, exactCount) in worstEstimates.OrderByDescending(w => Math.Abs(w.Error)).Take(10))
                Console.WriteLine($"  {error:+0.0%;-0.0%} {row}: «{query}» {Describe(f)}: 约 {estimate:N0}, exactly {exactCount:N0}");
        }

        T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
    }

    private static string Text(SearchQuery query) => string.Join(" ", query.Terms.Concat(query.Phrases.Select(p => $"「{p}」"))
        .Concat(query.DocumentNumber is { } number ? [number] : []));

    /// <summary>A filter's set fields only.</summary>
    private static string Describe(CatalogSearch.Filter f) => string.Join(", ", new[]
    {
        f.Unit is { } unit ? $"unit {unit}" : null, f.Genre is { } genre ? $"genre {genre}" : null, f.From is { } from ? $"from {from:yyyy-MM-dd}" : null,
        f.To is { } to ? $"to {to:yyyy-MM-dd}" : null, f.Validity is { } validity ? $"{validity}" : null, f.ByDate ? "by date" : null,
    }.Where(s => s is not null)) is { Length: > 0 } text ? $"[{text}]" : "[no filter]";

    /// <summary>
    /// Which catalog and index the figures are of: the items' date span, and how the index is laid out — segments (a fresh
    /// bulk write leaves other segments than a rebuild or months of publications do), deleted and late documents, and
    /// whether and when it was rebuilt from the database.
    /// </summary>
    private static async Task DescribeAsync(GongkaiDb db, CatalogIndex index)
    {
        var published = db.CatalogItems.Where(i => i.State == CatalogState.Published);
        var (first, last) = (await published.MinAsync(i => i.PublishedOn), await published.MaxAsync(i => i.PublishedOn));
        Console.WriteLine($"Published {first:yyyy-MM-dd} to {last:yyyy-MM-dd}; database {db.Database.ProviderName?.Split('.').Last()}.");
        index.Search(searcher =>
        {
            var leaves = searcher.IndexReader.Leaves;
            var sizes = leaves.Select(l => l.AtomicReader.MaxDoc).ToList();
            var late = searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(CatalogIndex.Late, "1")), 1).TotalHits;
            Console.WriteLine($"Index {index.Folder}: {searcher.IndexReader.NumDocs:N0} documents ({searcher.IndexReader.NumDeletedDocs:N0} deleted, {late:N0} late) "
                + $"in {leaves.Count} segments of {string.Join(" + ", sizes.Select(s => s.ToString("N0")))}; "
                + (index.RebuiltAt is { } at ? $"rebuilt from the database at {at:yyyy-MM-dd HH:mm} UTC." : "never rebuilt (written as the items were added)."));
            return 0;
        });
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
