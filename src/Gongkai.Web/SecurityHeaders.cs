namespace Gongkai.Web;

/// <summary>
/// The headers every response carries, and the portal's public address. The site runs no script and loads nothing
/// from elsewhere, so the Content-Security-Policy allows only its own files: what a catalog body might still carry past
/// the sanitizer (an inline style, an external image, a form posting elsewhere) is not run, loaded or submitted.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SiteAddress.From(configuration));
        services.AddHsts(o =>
        {
            o.MaxAge = configuration.GetValue("Security:HstsMaxAge", TimeSpan.FromDays(365));
            o.IncludeSubDomains = false;
        });
    }

    /// <summary>Early in the pipeline, so error pages and static files carry the headers too.</summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();   // only on HTTPS responses (behind a proxy: X-Forwarded-Proto from a configured proxy)
        app.Use((context, next) =>
        {
            // Set when the response starts, over anything set on the way (the anti-forgery filter's SAMEORIGIN, say).
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

/// <summary>
/// The portal's public address (Site:PublicUrl), for absolute links in the sitemap and the feeds — never the request's
/// Host header, which a client can set to anything.
/// </summary>
public sealed record SiteAddress(string PublicUrl)
{
    public static SiteAddress From(IConfiguration configuration)
    {
        var configured = configuration["Site:PublicUrl"] ?? "http://localhost:5000";
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            throw new InvalidOperationException($"配置项 Site:PublicUrl 应为门户的公开地址（http 或 https 开头，如 https://xxgk.example.gov.cn），当前为：{configured}");
        return new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    /// <summary>The origin (scheme, host, port) of the public address.</summary>
    public string Origin => new Uri(PublicUrl).GetLeftPart(UriPartial.Authority);
}
