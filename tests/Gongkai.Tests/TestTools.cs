using System.Diagnostics;

namespace Gongkai.Tests;

/// <summary>
/// Where the repository is, and the checkers under tests/tools (installed by <c>npm ci --prefix tests/tools</c>) that
/// tests run with a program of the machine (Java, Node). Without them a test is skipped, except under CI=true, where it fails.
/// </summary>
public static class TestTools
{
    public static string SourceRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gongkai.slnx")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Gongkai.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>A path under tests/tools.</summary>
    public static string ToolPath(params string[] parts) => Path.Combine([SourceRoot(), "tests", "tools", .. parts]);

    /// <summary>Skips the test (fails it under CI=true) unless <paramref name="file"/> exists and <paramref name="program"/> runs.</summary>
    public static void Require(string file, string program, string versionArgument, string help)
    {
        if (File.Exists(file) && Runs(program, versionArgument))
            return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("CI=true but " + help);
        Assert.Skip("Skipped: " + help);
    }

    private static bool Runs(string program, string versionArgument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, versionArgument) { RedirectStandardError = true, RedirectStandardOutput = true });
            process!.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
