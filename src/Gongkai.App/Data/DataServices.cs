using Gongkai.App.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.App.Data;

public static class DataServices
{
    /// <summary>Registers <see cref="GongkaiDb"/> on the configured provider, and the settings it came from.</summary>
    public static IServiceCollection AddGongkaiData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        return settings.Provider switch
        {
            DatabaseProvider.Postgres => services.AddDbContext<GongkaiDb, PostgresGongkaiDb>(o => o.UseNpgsql(settings.ConnectionString)),
            _ => services.AddDbContext<GongkaiDb, SqliteGongkaiDb>(o => o.UseSqlite(settings.ConnectionString)),
        };
    }

    /// <summary>Configuration sources shared by the web app and the CLI: an optional <c>gongkai.json</c> in the working directory, then environment variables.</summary>
    public static IConfigurationBuilder AddGongkaiConfiguration(this IConfigurationBuilder configuration) =>
        configuration.AddJsonFile(Path.GetFullPath("gongkai.json"), optional: true, reloadOnChange: false).AddEnvironmentVariables();

    /// <summary>Everything the CLI needs besides the web app's own parts: data, Identity without cookies, and the use cases.</summary>
    public static IdentityBuilder AddStaffIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<StaffAccount>(StaffIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GongkaiDb>()
            .AddErrorDescriber<ChineseIdentityErrors>();
}
