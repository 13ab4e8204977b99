using Gongkai.Tests.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its driver ships in the NuGet package; no browser is downloaded).
/// Without Chromium the browser tests are skipped, except under CI=true, where they fail.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser) => (this.playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    /// <summary>Where screenshots go, to be looked at after a run.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"CI=true but Chromium is not at {path}: install Debian's chromium package.");
            Assert.Skip($"Chromium not found at {path}; browser tests skipped (apt-get install chromium fonts-noto-cjk).");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
        return new ChromiumBrowser(playwright, browser);
    }

    /// <summary>Starts the app on a real Kestrel port on 127.0.0.1 and returns its address.</summary>
    public static string Serve(WebApp app)
    {
        app.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
