using Gongkai.App;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>What the letters benchmarks share: the app's services over ./data, as the portal registers them.</summary>
internal static class LettersBench
{
    /// <param name="sql">Each statement on standard error, to read its plan.</param>
    public static ServiceProvider Services(bool sql = false)
    {
        var configuration = new ConfigurationBuilder().AddGongkaiConfiguration().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddGongkaiData();
        if (sql)
        {
            services.ConfigureDbContext<SqliteGongkaiDb>(o => o.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted]));
            services.ConfigureDbContext<PostgresGongkaiDb>(o => o.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted]));
        }
        services.AddUnits().AddAccounts().AddApplications().AddCatalog().AddOutbox().AddLetters();
        return services.BuildServiceProvider();
    }

    public static string Arg(string[] args, string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(fallback);
}
