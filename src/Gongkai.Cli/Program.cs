namespace Gongkai.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => GongkaiCli.RunAsync(args, Console.Out, Console.Error);
}
