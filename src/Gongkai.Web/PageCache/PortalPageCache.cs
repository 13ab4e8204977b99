using Gongkai.App;
using Gongkai.App.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.PageCache;

/// <summary>
/// Public pages served from memory (ASP.NET Core output caching) instead of a database read and a render on every
/// request. A page opts in with <c>[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [areas it reads])]</c>;
/// pages with a form that posts (anti-forgery tokens are per visitor), receipts and anything for staff never do.
/// A cached page is evicted by its areas' tags when a change to them commits (<see cref="PageChanges"/>, at once on the
/// node that wrote it; <see cref="PageCacheFollower"/> on every other node), and kept at most <c>PageCache:Duration</c>
/// and never past midnight in Beijing (有效性 and dates shown turn with the day).
/// </summary>
public static class PortalPageCache
{
    public const string Policy = "portal";

    public static void AddPortalPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = PageCacheSettings.From(configuration);
        services.AddSingleton(settings);
        if (!settings.Enabled)
            return;
        services.AddOutputCache(o =>
        {
            o.SizeLimit = settings.SizeLimitMegabytes * 1024L * 1024L;
            o.DefaultExpirationTimeSpan = settings.Duration;
            o.AddPolicy(Policy, new PortalPagePolicy(settings));
        });
        services.AddSingleton<PageCacheFollower>().AddHostedService(sp => sp.GetRequiredService<PageCacheFollower>());
    }

    /// <summary>After authentication (a signed-in request is neither served from nor stored in the cache) and routing.</summary>
    public static void UsePortalPageCache(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<PageCacheSettings>().Enabled)
            return;
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<PageChanges>().Listen(async (areas, ct) =>
        {
            foreach (var area in areas)
                await store.EvictByTagAsync(area, ct);
        });
        app.UseOutputCache();
    }

    /// <summary>
    /// Anonymous GET and HEAD requests only, varied by the whole query and the display mode (长者模式, 字号), tagged
    /// <see cref="PortalAreas.Units"/> besides the page's own areas; only a 200 that sets no cookie is stored.
    /// </summary>
    private sealed class PortalPagePolicy(PageCacheSettings settings) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var attempt = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.Request.Headers.Authorization.Count == 0 && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = attempt;
            context.AllowCacheStorage = attempt;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["display"] = DisplayPreferences.Of(http.Request).HtmlClasses;
            context.Tags.Add(PortalAreas.Units);
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            var now = clock.GetUtcNow().UtcDateTime;
            var midnight = clock.Today().AddDays(1).AtChinaHour(0);
            context.ResponseExpirationTimeSpan = midnight - now < settings.Duration ? midnight - now : settings.Duration;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The page cache's configuration (<c>PageCache:*</c>, documented in the README).</summary>
public sealed record PageCacheSettings(bool Enabled, TimeSpan Duration, int SizeLimitMegabytes, TimeSpan FollowInterval)
{
    public static PageCacheSettings From(IConfiguration configuration) => new(
        configuration.GetValue("PageCache:Enabled", true),
        configuration.GetValue("PageCache:Duration", TimeSpan.FromMinutes(10)),
        configuration.GetValue("PageCache:SizeLimitMB", 256),
        configuration.GetValue("PageCache:FollowInterval", TimeSpan.FromSeconds(1)));
}
