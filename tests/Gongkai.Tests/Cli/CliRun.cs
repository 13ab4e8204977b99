using Gongkai.Cli;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Cli;

/// <summary>Runs `gongkai ...` in process against a test database and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => RunAsync(database.Settings, args);

    /// <summary>With other settings, e.g. another connection string to the same database.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await GongkaiCli.RunAsync(args, output, error, settings.ToDictionary());
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
