using System.Diagnostics;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;

namespace Gongkai.Bench;

/// <summary>
/// Due dates for 1,000,000 applications on the official calendar: the plain 20-day rule, and the full clock with a
/// consultation pause and an extension on every application. Receipt dates are spread over 2008–2026.
/// </summary>
internal static class ClockBench
{
    private const int Count = 1_000_000;

    public static void Run()
    {
        var (years, problems) = CalendarFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cn-workdays.json")));
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join("; ", problems));
        var calendar = new WorkCalendar(years);

        var random = new Random(20190515);
        var first = new DateOnly(2008, 5, 1).DayNumber;
        var span = new DateOnly(2026, 10, 31).DayNumber - first;
        var received = new DateOnly[Count];
        for (var i = 0; i < Count; i++)
            received[i] = DateOnly.FromDayNumber(first + random.Next(span));
        var facts = received.Select(r => new ClockFacts(r)
        {
            Pauses = [new ClockPause(PauseReason.ThirdPartyConsultation, r.AddDays(3), r.AddDays(12))],
            ExtensionDays = 10,
        }).ToArray();
        var today = new DateOnly(2026, 11, 22);

        Measure("plain due date (DeadlineClock.Due)", () =>
        {
            long check = 0;
            foreach (var r in received)
                check += DeadlineClock.Due(calendar, r).DayNumber;
            return check;
        });
        Measure("full clock with a pause and an extension (DeadlineClock.Compute)", () =>
        {
            long check = 0;
            foreach (var f in facts)
                check += DeadlineClock.Compute(calendar, f, today).Due!.Value.DayNumber;
            return check;
        });
    }

    private static void Measure(string name, Func<long> run)
    {
        run(); // warm-up: JIT and tiered compilation
        var best = double.MaxValue;
        long allocated = 0, check = 0;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            check = run();
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{name}: {Count:N0} applications in {best * 1000:F1} ms (best of 5) = {Count / best / 1e6:F1} M/s, {allocated / (double)Count:F0} bytes allocated per application (checksum {check})");
    }
}
