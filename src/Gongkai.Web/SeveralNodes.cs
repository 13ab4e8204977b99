using System.Net;
using Gongkai.App.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongkai.Web;

/// <summary>
/// What lets several web nodes serve one database behind a reverse proxy: the data-protection keys (staff cookie,
/// anti-forgery tokens) kept in the database, and the proxy's forwarded headers honoured from the configured proxies
/// only, so client addresses (rate limits) and the scheme (the cookie's Secure flag) are the real client's.
/// </summary>
public static class SeveralNodes
{
    public static void AddSeveralNodes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("Gongkai").PersistKeysToDbContext<GongkaiDb>();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration: by default none, not even loopback (the framework's default).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            options.ForwardLimit = configuration.GetValue<int?>("ForwardedHeaders:ForwardLimit") ?? 1;
        });
    }

    /// <summary>
    /// First in the pipeline: everything after it sees the client's address and scheme. With no proxy configured the
    /// headers are not read at all (the middleware trusts any sender when both of its lists are empty).
    /// </summary>
    public static void UseProxyHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
    }
}
