using System.Diagnostics;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// Letter statistics (<see cref="LetterStats.HandleAsync"/>, what /office/letters/stats and `gongkai letters stats` call)
/// for the whole city over the year with the most letters in ./data (e.g. after `gongkai demo letters --count 1000000
/// --year 2026`), by mailbox and month (<c>--all</c>: unit, type and quarter too). Warm as a portal that has been up a while:
/// every grouping runs twice untimed and a pause lets .NET recompile the hot code at its final tier; then each
/// <c>--runs</c> times.
/// </summary>
internal static class LettersStatsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(LettersBench.Arg(args, "--runs", "3"));
        await using var provider = LettersBench.Services(args.Contains("--sql"));
        int year;
        long inYear;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var years = await db.Letters.GroupBy(l => l.ReceivedOn.Year).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync();
            (year, inYear) = years.OrderByDescending(y => y.Count).Select(y => (y.Key, y.Count)).First();
        }
        Console.WriteLine($"Letters in {year}: {inYear:N0}; {Environment.ProcessorCount} cores; {runs} runs per row; provider {provider.GetRequiredService<DatabaseSettings>().Provider}.");
        Console.WriteLine();
        Console.WriteLine("| statistics of a year | runs ms | median ms | CPU median ms | rows | received |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        LetterStats.Grouping[] groupings = args.Contains("--all") ? Enum.GetValues<LetterStats.Grouping>() : [LetterStats.Grouping.Mailbox, LetterStats.Grouping.Month];
        for (var round = 0; round < 2; round++)
        {
            foreach (var by in groupings)
            {
                await using var scope = provider.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LetterStats>().HandleAsync(new(null, year, By: by), StaffScope.System);
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var by in groupings)
        {
            LetterStats.Report? report = null;
            var (times, cpu) = (new List<double>(), new List<double>());
            for (var i = 1; i <= runs; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var used = CpuClock.Milliseconds();
                var watch = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<LetterStats>().HandleAsync(new(null, year, By: by), StaffScope.System);
                if (i > 0)
                    (times, cpu) = ([.. times, watch.Elapsed.TotalMilliseconds], [.. cpu, CpuClock.Milliseconds() - used]);
                report = outcome.Value ?? throw new InvalidOperationException(string.Join("; ", outcome.Problems));
            }
            Console.WriteLine($"| by {by.ToString().ToLowerInvariant()} | {string.Join(" / ", times.Select(t => t.ToString("F0")))} | {times.Order().ElementAt(times.Count / 2):F0} | {cpu.Order().ElementAt(cpu.Count / 2):F0} | " +
                $"{report!.Rows.Count} | {report.Total[Core.Letters.LetterFigure.Received]:N0} |");
        }
        return 0;
    }
}
