using Gongkai.Cli;

return await GongkaiCli.RunAsync(args, Console.Out, Console.Error);
