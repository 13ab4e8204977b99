using System.Net;
using Gongkai.App.Data;
using Gongkai.Tests.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Web;

/// <summary>Behind a reverse proxy: the forwarded client address and scheme count only when the proxy is configured.</summary>
public class ProxyHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");

    /// <summary>Every request arrives from the proxy's address, as it would from nginx on the same machine.</summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = Proxy;
                return then(context);
            });
            next(app);
        };
    }

    private static async Task<WebApp> BehindProxyAsync(bool proxyConfigured)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:PublicFormsPerMinute"] = "2" };
        if (proxyConfigured)
            settings["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString();
        return new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings)
        {
            TestServices = s => s.AddSingleton<IStartupFilter, FromProxy>(),
        };
    }

    private static async Task<HttpStatusCode> SubmitAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rate_limits_should_count_per_real_client_only_behind_a_configured_proxy(bool proxyConfigured)
    {
        await using var app = await BehindProxyAsync(proxyConfigured);
        var client = app.Browser();
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SubmitAsync(client, "198.51.100.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SubmitAsync(client, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SubmitAsync(client, "198.51.100.1"));
        // Another member of the public behind the same proxy: its own allowance only if the proxy is trusted; otherwise
        // the header is ignored (anyone could send it) and the proxy's address is the one counted.
        var other = await SubmitAsync(client, "198.51.100.2");
        Assert.Equal(proxyConfigured ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, other);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_staff_cookie_should_be_secure_when_a_configured_proxy_says_the_client_used_https(bool proxyConfigured)
    {
        await using var app = await BehindProxyAsync(proxyConfigured);
        await app.AddStaffAsync("clerk", "city", Gongkai.Core.Accounts.StaffRole.ApplicationsOfficer);
        var client = app.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var signIn = await client.PostFormAsync("/office/signin", new() { ["UserName"] = "clerk", ["Password"] = WebApp.Password });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Gongkai.Web.Accounts.StaffSignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(proxyConfigured, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
