using Gongkai.App.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.App.Data;

public static class DataServices
{
    /// <summary>
    /// Registers <see cref="GongkaiDb"/> on the provider named by configuration. The settings are read when the
    /// first context is made, so configuration added later (a test host's settings) still counts.
    /// </summary>
    public static IServiceCollection AddGongkaiData(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        // Every save that changes what public pages show is logged for the page cache (PageCache/PageChangeRecorder).
        services.AddSingleton<PageCache.PageChanges>().AddSingleton<PageCache.PageChangeRecorder>();
        services.AddDbContext<SqliteGongkaiDb>((sp, o) => o.UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<PageCache.PageChangeRecorder>()));
        services.AddDbContext<PostgresGongkaiDb>((sp, o) => o.UseNpgsql(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<PageCache.PageChangeRecorder>()));
        return services.AddScoped<GongkaiDb>(sp => sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresGongkaiDb>()
            : sp.GetRequiredService<SqliteGongkaiDb>());
    }

    /// <summary>Configuration sources shared by the web app and the CLI: an optional <c>gongkai.json</c> in the working directory, then environment variables.</summary>
    public static IConfigurationBuilder AddGongkaiConfiguration(this IConfigurationBuilder configuration) =>
        configuration.AddJsonFile(Path.GetFullPath("gongkai.json"), optional: true, reloadOnChange: false).AddEnvironmentVariables();

    /// <summary>Everything the CLI needs besides the web app's own parts: data, Identity without cookies, and the use cases.</summary>
    public static IdentityBuilder AddStaffIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<StaffAccount>(StaffIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GongkaiDb>()
            .AddStaffRules();
}
