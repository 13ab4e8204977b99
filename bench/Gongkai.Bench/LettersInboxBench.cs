using System.Diagnostics;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Units;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// The staff inbox's query on the letters in ./data (e.g. after `gongkai demo letters --count 1000000 --backlog 9.5`,
/// about 100,000 open): the open letters a staff account's scope covers, nearest due date first, one page of 50 and
/// their count — what /office/letters reads for one request: <see cref="OfficeLetters.HandleAsync"/> itself (how many
/// letters are due on each day, from the (UnitId, State, DueOn) index alone, gives the total and the range of due dates
/// that holds the page; only that range is read and sorted), and for comparison the plain query (order by due date,
/// skip, take, count) with two scope filters:
/// <list type="bullet">
/// <item>join: the house scope filter (<see cref="UnitSubtree.Within{T}(IQueryable{T}, StaffScope)"/>, a join on the unit path);</item>
/// <item>unit ids: the scope's unit ids, an IN list the (UnitId, State, DueOn) index is sought with, unit by unit.</item>
/// </list>
/// Warm: each row runs 3 times untimed.
/// </summary>
internal static class LettersInboxBench
{
    public const int PageSize = 50;

    private static readonly LetterState[] Open = [LetterState.Received, LetterState.InProgress, LetterState.AwaitingReview];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(LettersBench.Arg(args, "--runs", "20"));
        var only = LettersBench.Arg(args, "--rows", "");
        await using var provider = LettersBench.Services(args.Contains("--sql"));
        StaffScope city = StaffScope.System, district, bureau;
        DateOnly today;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            today = scope.ServiceProvider.GetRequiredService<LetterLog>().Today;
            var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync();
            // The district and the bureau with the most open letters: the heaviest inboxes below the city's.
            var open = await db.Letters.Where(l => Open.Contains(l.State)).GroupBy(l => l.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            int Load(Unit u) => open.Where(o => units.Single(x => x.Id == o.Key).Path.StartsWith(u.Path, StringComparison.Ordinal)).Sum(o => o.Count);
            var top = units.First(u => u.ParentId is null);
            var d = units.Where(u => u.ParentId == top.Id && u.Kind == Core.Units.UnitKind.Government).MaxBy(Load)!;
            var b = units.Where(u => u.Kind == Core.Units.UnitKind.Department).MaxBy(Load)!;
            district = new StaffScope("bench", d.ShortName, d.Path, new HashSet<string> { StaffRole.LettersOfficer });
            bureau = new StaffScope("bench", b.ShortName, b.Path, new HashSet<string> { StaffRole.LettersOfficer });
            Console.WriteLine($"Letters: {await db.Letters.CountAsync():N0}, open {open.Sum(o => o.Count):N0} (city), {Load(d):N0} ({d.ShortName}), {Load(b):N0} ({b.ShortName}); " +
                $"{Environment.ProcessorCount} cores; {runs} runs per row; provider {provider.GetRequiredService<DatabaseSettings>().Provider}.");
        }
        var rows = new (string Name, StaffScope Actor, int Page, bool Overdue)[]
        {
            ("city, first page", city, 1, false),
            ("city, page 20", city, 20, false),
            ("city, overdue only", city, 1, true),
            ("district, first page", district, 1, false),
            ("bureau, first page", bureau, 1, false),
        };
        Console.WriteLine();
        Console.WriteLine("| inbox | scope filter | median ms | p95 ms | max ms | CPU median ms | total |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, actor, page, overdue) in rows)
        {
            foreach (var shape in Shapes)
            {
                if (!$"{name} | {shape}".Contains(only, StringComparison.Ordinal))
                    continue;
                long total = 0;
                for (var i = 0; i < 3; i++)
                    total = await RequestAsync(provider, actor, page, overdue, shape, today);
                var (times, cpu) = (new List<double>(), new List<double>());
                for (var i = 0; i < runs; i++)
                {
                    var used = CpuClock.Milliseconds();
                    var watch = Stopwatch.StartNew();
                    total = await RequestAsync(provider, actor, page, overdue, shape, today);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    cpu.Add(CpuClock.Milliseconds() - used);
                }
                times.Sort();
                cpu.Sort();
                Console.WriteLine($"| {name} | {shape} | {Quantile.At(times, 0.5):F1} | {Quantile.At(times, 0.95):F1} | {times[^1]:F1} | {Quantile.At(cpu, 0.5):F1} | {total:N0} |");
            }
        }
        return 0;
    }

    private const string Join = "plain, join on path", UnitIds = "plain, unit ids", Office = "OfficeLetters";

    private static readonly string[] Shapes = [Office, Join, UnitIds];

    private sealed record Row(Guid Id, string Number, string Subject, LetterType Type, LetterState State, DateOnly ReceivedOn, DateOnly? DueOn, bool Extended, string Unit, string Mailbox);

    /// <summary>One request, in a fresh scope as a request has: the page's 50 rows and the count of all.</summary>
    private static async Task<long> RequestAsync(ServiceProvider provider, StaffScope actor, int page, bool overdue, string shape, DateOnly today)
    {
        await using var scope = provider.CreateAsyncScope();
        if (shape == Office)
        {
            var inbox = await scope.ServiceProvider.GetRequiredService<OfficeLetters>()
                .HandleAsync(new OfficeLetters.Filter(Flag: overdue ? LetterFlag.Overdue : null), actor, page, PageSize);
            return inbox.Rows.Count == 0 && inbox.Total > 0 ? -1 : inbox.Total;
        }
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        var letters = db.Letters.AsNoTracking();
        if (shape == Join)
            letters = letters.Within(actor);
        else
        {
            var units = await db.Units.Within(actor.ScopePath).Select(u => u.Id).ToListAsync();
            letters = letters.Where(l => units.Contains(l.UnitId));
        }
        letters = letters.Where(l => Open.Contains(l.State));
        if (overdue)
            letters = letters.Where(l => l.DueOn < today);
        var rows = await letters.OrderBy(l => l.DueOn == null).ThenBy(l => l.DueOn).ThenBy(l => l.Number).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new Row(l.Id, l.Number, l.Subject, l.Type, l.State, l.ReceivedOn, l.DueOn, l.Extended, l.Unit.ShortName, l.MailboxUnit.ShortName))
            .ToListAsync();
        var total = await letters.LongCountAsync();
        return rows.Count == 0 && total > 0 ? -1 : total;
    }
}
