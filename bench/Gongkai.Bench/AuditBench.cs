using System.Diagnostics;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Bench;

/// <summary>
/// Reading and auditing published reports (issue 6; <see cref="ReportReader"/>, <see cref="ReportAudit"/>): the three
/// samples, the reports the team wrote and issue 18's corpus of real reports, from tests/Gongkai.Core.Tests/Reports/Reading,
/// audited round-robin on one thread for <c>--seconds</c> seconds after a warm-up. Prints reports per second and p50/p99
/// milliseconds per report; the target is at least 1,000 reports per second (issue 18). Then the large inputs of the fuzz tests (which check only that they
/// are read right, never how fast): a table repeated 300 times, a megabyte of tables and a megabyte without line
/// breaks, each well under a second (target: the megabyte of tables under 1 s).
/// </summary>
internal static class AuditBench
{
    public static int Run(string[] args)
    {
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(double.Parse).FirstOrDefault(10);
        var folder = Find();
        if (folder is null)
        {
            Console.Error.WriteLine("找不到 tests/Gongkai.Core.Tests/Reports/Reading（请在仓库内运行）。");
            return 1;
        }
        var reports = Directory.EnumerateFiles(Path.Combine(folder, "Samples"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(folder, "Written")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)))
            .Order().Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        var ownCount = reports.Count;
        reports.AddRange(Directory.EnumerateFiles(Path.Combine(folder, "Corpus", "reports"), "*.txt").Order()
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))));
        Console.WriteLine($"Audit: {reports.Count} reports ({reports.Sum(r => r.Text.Length):N0} chars), {seconds:0.#} s round-robin, one thread, {Environment.ProcessorCount} cores");

        foreach (var (_, text) in reports)
            ReportAudit.Run(ReportReader.Read(text));   // warm-up: JIT, regexes, layout indexes
        var times = new List<double>();
        var findings = 0;
        var total = Stopwatch.StartNew();
        for (var n = 0; total.Elapsed.TotalSeconds < seconds; n++)
        {
            var watch = Stopwatch.StartNew();
            findings += ReportAudit.Run(ReportReader.Read(reports[n % reports.Count].Text)).Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var elapsed = total.Elapsed.TotalSeconds;
        times.Sort();
        Console.WriteLine($"{times.Count:N0} reports in {elapsed:0.00} s: {times.Count / elapsed:N0} reports/s; " +
            $"p50 {Quantile.At(times, 0.50):0.00} ms, p99 {Quantile.At(times, 0.99):0.00} ms, max {times[^1]:0.00} ms per report ({findings:N0} findings)");
        foreach (var (name, text) in reports.Take(ownCount))
        {
            var watch = Stopwatch.StartNew();
            var read = ReportReader.Read(text);
            var count = ReportAudit.Run(read).Count;
            Console.WriteLine($"  {name,-24} {text.Length,7:N0} chars  {read.Figures.Count,4} figures  {count} findings  {watch.Elapsed.TotalMilliseconds,6:0.00} ms");
        }
        LargeInputs(reports.ToDictionary(r => Path.GetFileNameWithoutExtension(r.Name), r => r.Text));
        return 0;
    }

    /// <summary>The inputs of FuzzTests that once carried wall-clock bounds; the time belongs here.</summary>
    private static void LargeInputs(Dictionary<string, string> reports)
    {
        var xiangxi = reports["xiangxi-2017"];
        var table = xiangxi[xiangxi.IndexOf("统计指标", StringComparison.Ordinal)..];
        var tables = reports["w2021-pipes"] + reports["w2021-tabs"] + reports["wlegacy-tabs"];
        var prose = string.Concat(Enumerable.Repeat("其中，州本级10件，县市5件，合计15件，同比增长3%，占20%|", 25_000));
        Console.WriteLine("Large inputs (one run each, after the warm-up above):");
        foreach (var (name, text) in new[]
        {
            ("table repeated 300 times", string.Concat(Enumerable.Repeat(table, 300))),
            ("1 MB of tables (target < 1 s)", string.Concat(Enumerable.Repeat(tables, 1_000_000 / tables.Length + 1))),
            ("1 MB without line breaks", prose),
            ("the same, a clause a line", prose.Replace('|', '\n')),
        })
        {
            var watch = Stopwatch.StartNew();
            var read = ReportReader.Read(text);
            var count = ReportAudit.Run(read).Count;
            Console.WriteLine($"  {name,-30} {text.Length,9:N0} chars  {read.Figures.Count,4} figures  {count} findings  {watch.Elapsed.TotalMilliseconds,8:0.0} ms");
        }
    }

    private static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Gongkai.Core.Tests", "Reports", "Reading");
                if (Directory.Exists(Path.Combine(candidate, "Samples")))
                    return candidate;
            }
        }
        return null;
    }
}
