using Gongkai.Bench;

// dotnet run -c Release --project bench/Gongkai.Bench [-- clock | search] (see README, "Benchmarks").
switch (args.FirstOrDefault() ?? "clock")
{
    case "clock":
        ClockBench.Run();
        break;
    case "search":
        await SearchBench.RunAsync(args.Skip(1).ToArray());
        break;
    default:
        Console.Error.WriteLine("用法：Gongkai.Bench [clock | search [--queries N]]");
        return 1;
}
return 0;
