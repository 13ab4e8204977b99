using Gongkai.Bench;

// dotnet run -c Release --project bench/Gongkai.Bench [-- clock | search | index | audit | report | office-catalog] (see README, "Benchmarks").
switch (args.FirstOrDefault() ?? "clock")
{
    case "clock":
        ClockBench.Run();
        break;
    case "search":
        await SearchBench.RunAsync(args.Skip(1).ToArray());
        break;
    case "index":
        return IndexBench.Run(args.Skip(1).ToArray());
    case "audit":
        return AuditBench.Run(args.Skip(1).ToArray());
    case "report":
        return await ReportBench.RunAsync(args.Skip(1).ToArray());
    case "office-catalog":
        return await OfficeCatalogBench.RunAsync(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine("用法：Gongkai.Bench [clock | search [--queries N] [--rows TEXT] [--slowest N] | index --file FILE.jsonl [--items N] | audit [--seconds N] | report [--units N] [--applications N] [--items N] [--runs N] [--year Y] [--body-chars N] [--evict] | office-catalog [--runs N] [--rows TEXT] [--sql]]");
        return 1;
}
return 0;
