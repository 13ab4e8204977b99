using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The catalog body editor: with JavaScript a Trix editor takes the text box's place and what is typed is saved as
/// sanitized HTML; without JavaScript the plain text box still saves. Needs the editor the build copies from npm.
/// </summary>
public class OfficeCatalogEditorBrowserTests
{
    private static async Task<IPage> DraftAsync(ChromiumBrowser chromium, string address, bool javaScript, string title)
    {
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/office/signin");
        await page.GetByLabel("用户名").FillAsync("yy-editor");
        await page.GetByLabel("密码").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync(address + "/office/catalog/edit");
        await page.GetByLabel("名称").FillAsync(title);
        await page.GetByLabel("成文日期").FillAsync("2024-05-06");
        await page.GetByLabel("主题分类").SelectOptionAsync("城乡建设、环境保护");
        return page;
    }

    private static async Task<string> SavedBodyAsync(WebApp app, string title)
    {
        await using var scope = app.Database.Scope();
        return await app.Database.Get<GongkaiDb>(scope).CatalogItems.Where(i => i.Title == title).Select(i => i.Body).SingleAsync();
    }

    [Fact]
    public async Task The_body_should_be_written_in_the_rich_editor_with_javascript_and_in_the_text_box_without()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "trix", "trix.umd.min.js"))
            || Directory.GetFiles(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Gongkai.Web/wwwroot/lib/trix")), "trix.umd.min.js").Length == 1,
            "the build did not install the editor (npm ci in src/Gongkai.Web/editor)");
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var address = ChromiumBrowser.Serve(app);

        var rich = await DraftAsync(chromium, address, javaScript: true, "富文本正文测试");
        var editor = rich.Locator("trix-editor");
        await editor.WaitForAsync();
        Assert.Equal(0, await rich.Locator("textarea[name='Form.Body']").CountAsync());
        Assert.Equal("正文", await editor.EvaluateAsync<string>("e => document.getElementById(e.getAttribute('aria-labelledby')).textContent"));
        await editor.ClickAsync();
        await rich.Keyboard.TypeAsync("各社区居民：");
        await rich.Keyboard.PressAsync("Enter");
        await rich.Locator("trix-toolbar button[data-trix-attribute=bold]").ClickAsync();
        await rich.Keyboard.TypeAsync("改造期间请注意安全");
        await rich.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "office-catalog-editor-1366.png"), FullPage = true });
        await rich.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();
        var body = await SavedBodyAsync(app, "富文本正文测试");
        Assert.Contains("各社区居民：", body);
        Assert.Contains("<strong>改造期间请注意安全</strong>", body);

        // A pasted script does not survive: the server sanitizes what the editor posts.
        var plain = await DraftAsync(chromium, address, javaScript: false, "纯文本正文测试");
        await plain.GetByLabel("正文").FillAsync("<p>请于6月1日前报名。</p><script>alert(1)</script>");
        await plain.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();
        var plainBody = await SavedBodyAsync(app, "纯文本正文测试");
        Assert.Contains("<p>请于6月1日前报名。</p>", plainBody);
        Assert.DoesNotContain("script", plainBody);
    }
}
