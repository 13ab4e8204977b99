using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Accounts;

/// <summary>
/// The web app behind a configured reverse proxy, so that each test client comes from an address of its own
/// (X-Forwarded-For), as staff and strangers do in production.
/// </summary>
internal static class ClientAddresses
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.3");

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

    public static async Task<WebApp> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        settings ??= [];
        settings["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString();
        return new WebApp(await TestDatabase.CreateAsync(provider), settings)
        {
            TestServices = s =>
            {
                s.AddSingleton<IStartupFilter, FromProxy>();
                services?.Invoke(s);
            },
        };
    }

    /// <summary>A browser at <paramref name="address"/>.</summary>
    public static HttpClient From(this WebApp app, string address)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/office/signin", new() { ["UserName"] = userName, ["Password"] = password });

    /// <summary>The message the sign-in page shows, or null (signed in, or refused before the page).</summary>
    public static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("form p.error")?.TextContent.Trim();
    }
}

/// <summary>Identity's hasher, counting the password verifications it does.</summary>
internal sealed class CountingHasher : IPasswordHasher<StaffAccount>
{
    private readonly PasswordHasher<StaffAccount> hasher = new();
    private int verifications;

    public int Verifications => verifications;

    public string HashPassword(StaffAccount user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
