using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The bar every page is held to (issue 17), on the demo city, page by page as a visitor finds them by following links
/// from the home page: no broken link, valid HTML by the Nu checker, and at a desktop's and a phone's width no axe-core
/// WCAG 2.1 A/AA violation and no sideways scrolling, all without JavaScript. A page added later is checked as soon as a
/// link leads to it.
/// </summary>
public static class PageBar
{
    /// <summary>The public portal: everything but the office and the API.</summary>
    public static bool Public(Uri url) =>
        !url.AbsolutePath.StartsWith("/office", StringComparison.OrdinalIgnoreCase) && !url.AbsolutePath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The office, without signing out.</summary>
    public static bool Office(Uri url) =>
        url.AbsolutePath.StartsWith("/office", StringComparison.OrdinalIgnoreCase) && !url.AbsolutePath.Contains("signout", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The app on the whole demo (units, applications, a catalog of <paramref name="items"/> items, cases, reports, letters,
    /// participation, site checks), so that every kind of page has something to show.
    /// </summary>
    public static async Task<WebApp> StartOnDemoAsync(int items = 400)
    {
        // The page cache on, as in production: the crawl reads every page at both widths, the second time from memory.
        var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["PageCache:Enabled"] = "true" });
        await using var scope = app.Database.Scope();
        var db = app.Database;
        await db.Get<SeedDemoApplications>(scope).HandleAsync();
        await db.Get<SeedDemoCatalog>(scope).HandleAsync(items);
        await db.Get<SeedDemoCases>(scope).HandleAsync();
        await db.Get<SeedDemoReportFigures>(scope).HandleAsync();
        await db.Get<SeedDemoReports>(scope).HandleAsync();
        await db.Get<SeedDemoLetters>(scope).HandleAsync();
        await db.Get<SeedDemoParticipation>(scope).HandleAsync();
        await db.Get<SeedDemoSiteCheck>(scope).HandleAsync();
        return app;
    }

    public static async Task<PageCrawl> CrawlAsync(HttpClient client, Func<Uri, bool> follow, int perShape, int maxPages, params string[] starts)
    {
        var crawl = new PageCrawl(client, follow, perShape, maxPages);
        await crawl.RunAsync(starts);
        // What was read, to look at after a run.
        await File.WriteAllLinesAsync(Path.Combine(ChromiumBrowser.Artifacts, $"crawl-{starts[0].Trim('/').Replace('/', '-')}.txt"), crawl.Pages.Select(p => p.Url));
        Assert.True(crawl.Pages.Count >= 10, $"the crawl found only {crawl.Pages.Count} pages: {string.Join(", ", crawl.Pages.Select(p => p.Url))}");
        return crawl;
    }

    /// <summary>axe and sideways scrolling on each page at one width, in Chromium with scripting off; the failures, one per line.</summary>
    public static async Task<List<string>> AxeFailuresAsync(ChromiumBrowser chromium, IBrowserContext context, string address, IEnumerable<string> urls, int width, int height)
    {
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var url in urls)
        {
            await page.GotoAsync(address + url);
            failures.AddRange((await axe.ViolationsAsync(page)).Select(v => $"{url} at {width} px: {v}"));
            if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
                failures.Add($"{url} at {width} px scrolls sideways ({await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px)");
        }
        await axe.CloseAsync();
        return failures;
    }

    public static string Report(IReadOnlyCollection<string> failures) =>
        $"{failures.Count} problems:\n" + string.Join("\n", failures.Take(60));
}

/// <summary>
/// One demo site for the page-bar tests: seeded once (a minute of work), served over loopback for Chromium, its public
/// pages and a city admin's office pages crawled once.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string Admin = "bar-admin";
    private readonly SemaphoreSlim gate = new(1, 1);
    private PageCrawl? publicPages, officePages;

    public WebApp App { get; private set; } = null!;
    public string Address { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App = await PageBar.StartOnDemoAsync();
        await App.AddStaffAsync(Admin, "city", StaffRole.UnitAdmin);
        Address = ChromiumBrowser.Serve(App).TrimEnd('/');
    }

    public Task<PageCrawl> PublicPagesAsync() => OnceAsync(() => publicPages, c => publicPages = c, () => Task.FromResult(App.Browser()), PageBar.Public, 2, 160, "/");

    public Task<PageCrawl> OfficePagesAsync() => OnceAsync(() => officePages, c => officePages = c, () => App.SignedInAsync(Admin), PageBar.Office, 1, 90, "/office");

    private async Task<PageCrawl> OnceAsync(Func<PageCrawl?> get, Action<PageCrawl> set, Func<Task<HttpClient>> client, Func<Uri, bool> follow, int perShape, int max, string start)
    {
        await gate.WaitAsync();
        try
        {
            if (get() is { } done)
                return done;
            using var http = await client();
            var crawl = await PageBar.CrawlAsync(http, follow, perShape, max, start);
            set(crawl);
            return crawl;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A Chromium context of the given size with scripting off, signed in as the city admin when <paramref name="staff"/>.</summary>
    public async Task<IBrowserContext> ContextAsync(ChromiumBrowser chromium, int width, int height, bool staff)
    {
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        if (!staff)
            return context;
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(Address + "/office/signin");
        await signIn.GetByLabel("用户名").FillAsync(Admin);
        await signIn.GetByLabel("密码").FillAsync(WebApp.Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await signIn.WaitForURLAsync("**/office", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await signIn.CloseAsync();
        return context;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public class PageBarTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Every_public_page_a_visitor_can_reach_should_answer_and_be_valid_html()
    {
        var crawl = await site.PublicPagesAsync();

        Assert.True(crawl.Broken.Count == 0, "broken links: " + PageBar.Report(crawl.Broken));
        var errors = await NuChecker.ErrorsAsync([.. crawl.Pages.Select(p => (p.Url, p.Html!))]);
        Assert.True(errors.Count == 0, "Nu HTML checker: " + PageBar.Report([.. errors.Select(e => $"{e.Page} line {e.Line}: {e.Text} «{e.Extract.ReplaceLineEndings(" ")}»")]));
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task Every_public_page_should_pass_axe_and_fit_the_screen_without_javascript(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        var crawl = await site.PublicPagesAsync();

        var context = await site.ContextAsync(chromium, width, height, staff: false);
        var failures = await PageBar.AxeFailuresAsync(chromium, context, site.Address, crawl.Pages.Select(p => p.Url), width, height);
        Assert.True(failures.Count == 0, PageBar.Report(failures));
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_office_pages_a_city_admin_reaches_should_pass_axe_and_fit_the_screen(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        var crawl = await site.OfficePagesAsync();

        var context = await site.ContextAsync(chromium, width, height, staff: true);
        var failures = await PageBar.AxeFailuresAsync(chromium, context, site.Address, crawl.Pages.Select(p => p.Url), width, height);
        Assert.True(failures.Count == 0, PageBar.Report(failures));
    }
}
