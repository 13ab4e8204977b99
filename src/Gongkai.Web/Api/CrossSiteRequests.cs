namespace Gongkai.Web.Api;

/// <summary>
/// The staff JSON API changes nothing for another site: an unsafe request (POST, PUT, DELETE, PATCH) to
/// /api/v1/office/* that a browser marks as cross-site (<c>Sec-Fetch-Site</c>) or sends from another origin
/// (<c>Origin</c>, including <c>null</c>) is refused with 403, whatever its content type — the SameSite cookie is the
/// first guard, this the second. Clients that are not browsers send neither header and are not affected.
/// </summary>
public static class CrossSiteRequests
{
    public static void UseCrossSiteChecks(this WebApplication app)
    {
        var site = app.Services.GetRequiredService<SiteAddress>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api/v1/office") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                && !HttpMethods.IsOptions(request.Method) && IsCrossSite(request, site))
            {
                await Results.Problem("拒绝跨站请求：工作人员接口只接受本站页面或非浏览器客户端发出的修改请求。",
                    statusCode: StatusCodes.Status403Forbidden, title: "无权操作。").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }

    private static bool IsCrossSite(HttpRequest request, SiteAddress site)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
            return true;
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, site.Origin, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
