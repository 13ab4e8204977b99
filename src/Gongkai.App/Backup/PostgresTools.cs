using System.Diagnostics;
using Npgsql;

namespace Gongkai.App.Backup;

/// <summary>
/// PostgreSQL's own pg_dump and pg_restore (Debian: postgresql-client), run on the configured connection. The
/// connection goes to them in the PG* environment variables, so the password never shows on a command line.
/// </summary>
public static class PostgresTools
{
    /// <summary>The tool's path on the PATH, or null.</summary>
    public static string? Find(string tool) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);

    public static string Missing(string tool) =>
        $"找不到 {tool}：PostgreSQL 数据库的备份和恢复使用 PostgreSQL 自带的 pg_dump 和 pg_restore，请先安装"
        + "（Debian/Ubuntu：sudo apt install postgresql-client，主版本不低于数据库服务器），并确保它在 PATH 中。";

    /// <returns>The exit code and what the tool wrote to standard error.</returns>
    public static async Task<(int ExitCode, string Error)> RunAsync(string path, IEnumerable<string> arguments, string connectionString, CancellationToken ct)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in Variables(new NpgsqlConnectionStringBuilder(connectionString)))
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {path}。");
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, ((await error) + (await output)).Trim());
    }

    /// <summary>
    /// The connection string narrowed to the one server an open connection reached. A connection string may name
    /// several servers (Host=db1,db2;Target Session Attributes=primary: a primary and its standby) for Npgsql to choose
    /// from; pg_dump must read the snapshot on the server that exported it, and pg_restore write to the primary.
    /// </summary>
    public static string OnServerOf(string connectionString, NpgsqlConnection open) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = open.Host, Port = open.Port, TargetSessionAttributes = null }.ConnectionString;

    /// <summary>libpq's variables for what the connection string says.</summary>
    private static IEnumerable<(string, string)> Variables(NpgsqlConnectionStringBuilder c)
    {
        if (!string.IsNullOrEmpty(c.Host))
            yield return ("PGHOST", c.Host);
        yield return ("PGPORT", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(c.Database))
            yield return ("PGDATABASE", c.Database);
        if (!string.IsNullOrEmpty(c.Username))
            yield return ("PGUSER", c.Username);
        if (!string.IsNullOrEmpty(c.Password))
            yield return ("PGPASSWORD", c.Password);
        if (!string.IsNullOrEmpty(c.Passfile))
            yield return ("PGPASSFILE", c.Passfile);
        yield return ("PGSSLMODE", c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        yield return ("PGCONNECT_TIMEOUT", c.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("PGAPPNAME", "gongkai-backup");
    }
}
