using System.Diagnostics;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// Published-letter search on the letters in ./data (e.g. after `gongkai demo letters --count 1000000`), through the same
/// <see cref="LetterSearch"/> /hdjl/letters and GET /api/v1/letters call — index, database look-up of the page's 20
/// letters and snippets. Queries are drawn from the published letters themselves, as people would type them: 2–6
/// character pieces of subjects, two of them, quoted 4–6 character phrases of contents and answers, and no words at all
/// (the list page); each without a filter and with a mailbox, a type, a quarter of arrival dates, or all three; and the
/// similar letters shown to a writer. Warm: every query runs twice, with a pause, before the timed round.
/// </summary>
internal static class LettersSearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--queries").Skip(1).Select(int.Parse).FirstOrDefault(300);
        var slowest = args.SkipWhile(a => a != "--slowest").Skip(1).Select(int.Parse).FirstOrDefault(0);
        var only = args.SkipWhile(a => a != "--rows").Skip(1).FirstOrDefault("");
        await using var provider = LettersBench.Services();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var search = scope.ServiceProvider.GetRequiredService<LetterSearch>();
        await provider.GetRequiredService<SearchFollower>().CatchUpAsync();

        var published = await db.Letters.CountAsync(l => l.Published);
        Console.WriteLine($"Letters: {await db.Letters.CountAsync():N0}, {published:N0} published; {Environment.ProcessorCount} cores; {count} queries per row; " +
            $"provider {provider.GetRequiredService<DatabaseSettings>().Provider}.");
        var random = new Random(14);
        var sample = await SampleAsync(db, random, count * 2);
        var mailboxes = await db.Letters.Where(l => l.Published).Select(l => l.Channel == App.Letters.LetterChannel.SiteError ? App.Letters.WriteLetter.ErrorChannel : l.MailboxUnit.Code)
            .Distinct().OrderBy(c => c).ToListAsync();
        var quarters = sample.Select(s => (s.ReceivedOn.Year, Quarter: (s.ReceivedOn.Month + 2) / 3)).Distinct().OrderBy(q => q).ToList();
        T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
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
            return "小区";
        }
        LetterSearch.Filter Quarter()
        {
            var (year, quarter) = Any(quarters);
            var from = new DateOnly(year, quarter * 3 - 2, 1);
            return new(From: from, To: from.AddMonths(3).AddDays(-1));
        }
        var kinds = new (string Name, Func<string?> Query)[]
        {
            ("single word (2–6 字)", () => Piece(Any(sample).Subject, 2, 6)),
            ("two words", () => { var s = Any(sample).Subject; return $"{Piece(s, 2, 4)} {Piece(s, 2, 4)}"; }),
            ("phrase (quoted, 4–6 字 of a text)", () => $"「{Piece(Any(sample).Text, 4, 6)}」"),
            ("no words (the list)", () => null),
        };
        var filters = new (string Name, Func<LetterSearch.Filter> Make)[]
        {
            ("none", () => new()),
            ("mailbox", () => new(Mailbox: Any(mailboxes))),
            ("type", () => new(Type: Any(Enum.GetValues<LetterType>()))),
            ("quarter (arrival)", Quarter),
            ("mailbox + type + quarter", () => Quarter() with { Mailbox = Any(mailboxes), Type = Any(Enum.GetValues<LetterType>()) }),
        };

        Console.WriteLine();
        // CPU: the process's processor time over the request (getrusage): what the query costs on an idle machine.
        Console.WriteLine("| query | filter | p50 ms | p95 ms | p99 ms | CPU p50 ms | CPU p95 ms | mean hits/page | totals estimated |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, make) in kinds)
        {
            foreach (var (filterName, filter) in filters)
            {
                var runs = Enumerable.Range(0, count).Select(_ => (Query: make() is { } q ? SearchQuery.Parse(q).Query : null, Filter: filter())).ToList();
                if (!$"{kind} | {filterName}".Contains(only, StringComparison.Ordinal))
                    continue;
                var times = await TimeAsync(runs, r => search.SearchAsync(r.Query, r.Filter), slowest, $"{kind} | {filterName}",
                    r => $"{string.Join(" ", r.Query?.Terms.Concat(r.Query.Phrases.Select(p => $"「{p}」")) ?? [])} {r.Filter}");
                Console.WriteLine($"| {kind} | {filterName} | {Quantile.At(times.Ms, 0.50):F2} | {Quantile.At(times.Ms, 0.95):F2} | {Quantile.At(times.Ms, 0.99):F2} | " +
                    $"{Quantile.At(times.Cpu, 0.50):F2} | {Quantile.At(times.Cpu, 0.95):F2} | " +
                    $"{times.Results.Average(r => r.Hits.Count):F1} | {times.Results.Count(r => !r.TotalIsExact)}/{runs.Count} |");
            }
        }
        var similar = Enumerable.Range(0, count).Select(_ => Any(sample)).ToList();
        if ("similar letters (subject + content as typed)".Contains(only, StringComparison.Ordinal))
        {
            var times = await TimeAsync(similar, s => search.SimilarAsync(s.Subject, s.Content), slowest, "similar", s => s.Subject);
            Console.WriteLine($"| similar letters (subject + content as typed) | none | {Quantile.At(times.Ms, 0.50):F2} | {Quantile.At(times.Ms, 0.95):F2} | " +
                $"{Quantile.At(times.Ms, 0.99):F2} | {Quantile.At(times.Cpu, 0.50):F2} | {Quantile.At(times.Cpu, 0.95):F2} | {times.Results.Average(r => r.Count):F1} | – |");
        }
        return 0;
    }

    /// <summary>Runs every request twice untimed with a pause (final-tier code, index pages in memory), then once timed.</summary>
    private static async Task<(List<double> Ms, List<double> Cpu, List<T> Results)> TimeAsync<TRun, T>(List<TRun> runs, Func<TRun, Task<T>> request, int slowest, string row, Func<TRun, string> describe)
    {
        for (var round = 0; round < 2; round++)
        {
            foreach (var run in runs)
                await request(run);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var (times, cpu, results) = (new List<double>(), new List<double>(), new List<T>());
        foreach (var run in runs)
        {
            var used = CpuClock.Milliseconds();
            var watch = Stopwatch.StartNew();
            results.Add(await request(run));
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add(CpuClock.Milliseconds() - used);
        }
        foreach (var i in Enumerable.Range(0, runs.Count).OrderByDescending(i => times[i]).Take(slowest))
            Console.Error.WriteLine($"{row}: {times[i]:F1} ms «{describe(runs[i])}»");
        return ([.. times.Order()], [.. cpu.Order()], results);
    }

    private sealed record Sampled(string Subject, string Content, string Text, DateOnly ReceivedOn);

    /// <summary>Random published letters (by random ids, the same on every run over the same data).</summary>
    private static async Task<List<Sampled>> SampleAsync(GongkaiDb db, Random random, int count)
    {
        var ids = await db.Letters.Where(l => l.Published).Select(l => l.Id).ToListAsync();
        ids.Sort();
        var picked = Enumerable.Range(0, Math.Min(count, ids.Count)).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
        var rows = await db.Letters.Where(l => picked.Contains(l.Id)).OrderBy(l => l.Id)
            .Select(l => new { l.PublishedSubject, l.PublishedContent, l.PublishedAnswer, l.ReceivedOn }).ToListAsync();
        return [.. rows.Select(r => new Sampled(r.PublishedSubject, r.PublishedContent, $"{r.PublishedContent}\n{r.PublishedAnswer}", r.ReceivedOn))];
    }
}
