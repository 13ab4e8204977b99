using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// axe-core's WCAG 2.0 and 2.1 A and AA rules on a page exactly as a visitor without JavaScript sees it. axe is a script:
/// the page's HTML is loaded, at the same address (so its styles apply), into a second page of the same size that may
/// run scripts and is let past the site's Content-Security-Policy for axe only.
/// </summary>
public sealed class AxeCheck(IBrowserContext context, IPage checker)
{
    private static readonly AxeRunOptions Wcag21AA = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };

    public static async Task<AxeCheck> OpenAsync(ChromiumBrowser chromium, int width, int height)
    {
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", BypassCSP = true, ViewportSize = new() { Width = width, Height = height } });
        return new AxeCheck(context, await context.NewPageAsync());
    }

    /// <summary>Fails with each violation (rule, help, elements) of the page <paramref name="shown"/> shows now.</summary>
    public async Task AssertCleanAsync(IPage shown, string name)
    {
        var violations = await ViolationsAsync(shown);
        Assert.True(violations.Count == 0, $"{name}: " + string.Join("; ", violations));
    }

    /// <summary>Each violation (rule, help, elements) of the page <paramref name="shown"/> shows now; empty when clean.</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync(IPage shown)
    {
        var html = await shown.ContentAsync();
        await checker.GotoAsync(shown.Url);
        await checker.SetContentAsync(html);
        var axe = await checker.RunAxe(Wcag21AA);
        Assert.NotEmpty(axe.Passes);   // axe ran its rules on the page
        return [.. axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")];
    }

    /// <summary>Fails when the page is wider than its window (sideways scrolling on a phone).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, string name) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways");

    public Task CloseAsync() => context.CloseAsync();
}
