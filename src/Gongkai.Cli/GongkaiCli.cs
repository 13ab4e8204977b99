using System.CommandLine;
using Gongkai.App;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Cli;

/// <summary>
/// `gongkai &lt;topic&gt; &lt;verb&gt;` over the same use cases and configuration as the web app.
/// Exit codes: 0 done, 1 bad input (nothing written), 2 not found or refused, 3 database not ready.
/// </summary>
public static class GongkaiCli
{
    public const int Done = 0, BadInput = 1, NotFound = 2, NotReady = 3;

    /// <param name="settings">Extra configuration, over the shared sources (tests use it to pick a database).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? settings = null)
    {
        var root = new RootCommand("Gongkai 政府信息公开平台 命令行工具");
        var context = new CliContext(output, error, () => BuildServices(settings));
        root.Subcommands.Add(DatabaseCommands.Create(context));
        root.Subcommands.Add(DemoCommands.Create(context));
        root.Subcommands.Add(UserCommands.Create(context));
        root.Subcommands.Add(UnitCommands.Create(context));
        root.Subcommands.Add(ClockCommands.Clock(context));
        root.Subcommands.Add(ClockCommands.Calendar(context));
        root.Subcommands.Add(CatalogCommands.Create(context));
        root.Subcommands.Add(PrivacyCommands.Create(context));
        root.Subcommands.Add(SearchCommands.Create(context));
        root.Subcommands.Add(ReportCommands.Create(context));
        root.Subcommands.Add(LetterCommands.Create(context));
        root.Subcommands.Add(SiteCommands.Create(context));
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static ServiceProvider BuildServices(IDictionary<string, string?>? settings)
    {
        var configuration = new ConfigurationBuilder().AddGongkaiConfiguration().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddGongkaiData();
        services.AddStaffIdentityCore();
        services.AddUnits().AddAccounts().AddApplications().AddCatalog().AddCases().AddReports().AddOutbox().AddLetters().AddParticipation().AddSiteCheck().AddDemo().AddBackup();
        return services.BuildServiceProvider();
    }
}

/// <summary>What every command needs: where to write, and the services (built on first use, so `--help` opens no database).</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<ServiceProvider> build) : IAsyncDisposable
{
    private ServiceProvider? services;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    public AsyncServiceScope Scope() => (services ??= build()).CreateAsyncScope();

    /// <summary>Runs a command's body in a scope, turning configuration errors and an unmigrated database into clear messages.</summary>
    public async Task<int> RunAsync(Func<IServiceProvider, Task<int>> body, bool needsSchema = true)
    {
        try
        {
            await using var scope = Scope();
            if (needsSchema && (await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Database.GetPendingMigrationsAsync()).Any())
            {
                await Error.WriteLineAsync("数据库尚未初始化或不是最新结构，请先运行：gongkai db migrate");
                return GongkaiCli.NotReady;
            }
            return await body(scope.ServiceProvider);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("配置项") || e.Message.Contains("连接字符串"))
        {
            await Error.WriteLineAsync(e.Message);
            return GongkaiCli.NotReady;
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await Error.WriteLineAsync("检索索引正被门户使用：请先停止门户再运行此命令（门户运行时会自动保持索引最新）。");
            return GongkaiCli.NotReady;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Error.WriteLineAsync($"无法访问数据库：{e.Message}");
            return GongkaiCli.NotReady;
        }
    }

    /// <summary>A progress bar on standard error, redrawn in place: [#####     ] 12,000/100,000 (a count alone while the total is unknown).</summary>
    public IProgress<(long Done, long Total)> ProgressBar() => new DrawnAtOnce(p => Error.Write(p.Total <= 0
        ? $"\r已读 {p.Done:N0} 行…"
        : $"\r[{new string('#', (int)(30 * Math.Min(p.Done, p.Total) / p.Total)).PadRight(30)}] {p.Done:N0}/{p.Total:N0}"));

    /// <summary>Progress drawn on the reporting thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class DrawnAtOnce(Action<(long Done, long Total)> draw) : IProgress<(long Done, long Total)>
    {
        private readonly Lock drawing = new();

        public void Report((long Done, long Total) value)
        {
            lock (drawing)
                draw(value);
        }
    }

    /// <summary>Prints each problem on its own line to standard error.</summary>
    public async Task<int> ReportAsync<T>(Outcome<T> outcome)
    {
        foreach (var problem in outcome.Problems)
            await Error.WriteLineAsync(problem.ToString());
        return outcome.Kind == OutcomeKind.Invalid ? GongkaiCli.BadInput : GongkaiCli.NotFound;
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
            await services.DisposeAsync();
    }
}
