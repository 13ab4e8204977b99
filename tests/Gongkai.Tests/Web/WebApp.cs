using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Tests.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Web;

/// <summary>The real web app in process on a <see cref="TestDatabase"/> (demo data loaded), in the Production environment.</summary>
/// <param name="ownsDatabase">False for a second node over another app's database: disposing it leaves the database.</param>
public sealed class WebApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = true) : WebApplicationFactory<Program>
{
    public const string Password = "test-password-2026";

    public TestDatabase Database { get; } = database;

    /// <summary>Services a test adds to the app's own (a startup filter standing in for a reverse proxy, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public static async Task<WebApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await TestDatabase.CreateAsync(provider), settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("Demo:SeedOnFirstStart", "false");
        builder.UseSetting("SiteCheck:Scheduled", "false"); // no background checks or probes while a test reads the pages
        // Tests change data through their own service provider (like the CLI beside a portal), which the page cache sees
        // only when its follower polls; the page-cache tests and the page crawl turn it on (PageCache/PortalPageCacheTests).
        builder.UseSetting("PageCache:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Database.Clock);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects: in memory, or over loopback after <c>UseKestrel(0)</c>.</summary>
    public HttpClient Browser() =>
        Services.GetRequiredService<IServer>() is not TestServer and { } server && server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(address) }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates a staff account through the same use case as the CLI.</summary>
    public async Task AddStaffAsync(string userName, string unitKey, params string[] roles)
    {
        await using var scope = Database.Scope();
        var outcome = await Database.Get<AddStaffAccount>(scope).HandleAsync(
            new(userName, $"测试{userName}", App.Demo.SeedDemoData.CodeOf(unitKey), roles, Password), StaffScope.System);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }

    /// <summary>A browser-like client signed in through the sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Browser();
        var response = await client.PostFormAsync("/office/signin", new() { ["UserName"] = userName, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
            await Database.DisposeAsync();
    }
}

public static class HttpClientForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form the way a browser does: first reads the page for its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetPageAsync(formPage ?? url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Uploads one file through a multipart form as a browser does, with the form page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, string field, string fileName, byte[] content, string formPage)
    {
        var page = await client.GetPageAsync(formPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on {formPage}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(content), field, fileName);
        return await client.PostAsync(url, form);
    }
}
