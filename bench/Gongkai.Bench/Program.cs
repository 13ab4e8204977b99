using Gongkai.Bench;

// dotnet run -c Release --project bench/Gongkai.Bench [-- clock | search | index | audit | report | office-catalog | letters-search | letters-inbox | letters-stats] (see README, "Benchmarks").
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
    case "letters-search":
        return await LettersSearchBench.RunAsync(args.Skip(1).ToArray());
    case "letters-inbox":
        return await LettersInboxBench.RunAsync(args.Skip(1).ToArray());
    case "letters-stats":
        return await LettersStatsBench.RunAsync(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine("用法：Gongkai.Bench [clock | search [--queries N] [--rows TEXT] [--slowest N] | index --file FILE.jsonl [--items N] [--threads N] | audit [--seconds N] | report [--units N] [--applications N] [--items N] [--runs N] [--year Y] [--body-chars N] [--evict] | office-catalog [--runs N] [--rows TEXT] [--sql] | letters-search [--queries N] [--rows TEXT] [--slowest N] | letters-inbox [--runs N] [--rows TEXT] [--sql] | letters-stats [--runs N] [--all] [--sql]]");
        return 1;
}
return 0;
