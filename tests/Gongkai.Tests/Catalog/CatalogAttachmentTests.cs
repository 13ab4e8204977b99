using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Tests.Catalog;

/// <summary>Attachments of catalog items: the upload checks, the personal-data screen of their text, scope, on both databases.</summary>
public class CatalogAttachmentTests
{
    public const string IdNumber = "11010519491231002X"; // the example of GB 11643-1999, a valid check character

    private static readonly StaffScope Editor = StaffScope.System with { DisplayName = "编辑", Roles = new HashSet<string> { StaffRole.CatalogEditor } };
    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    /// <summary>A workbook listing one person with an 18-digit 身份证号码.</summary>
    public static byte[] NameList() => AttachmentTextTests.Xlsx(("名单",
        [new S.Row(AttachmentTextTests.Inline("A1", "姓名"), AttachmentTextTests.Inline("B1", "身份证号码")),
         new S.Row(AttachmentTextTests.Inline("A2", "张三"), AttachmentTextTests.Inline("B2", IdNumber))]));

    public static async Task<CatalogItem> DraftAsync(TestDatabase db, string title = "关于2024年度先进个人评选结果的公示", string unitKey = "city")
    {
        await using var scope = db.Scope();
        var saved = await db.Get<SaveCatalogDraft>(scope).HandleAsync(new(null, SeedDemoData.CodeOf(unitKey), CatalogWorkflowTests.Notice(title)), Editor);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        return saved.Value!;
    }

    public static async Task<Outcome<AttachmentRow>> AttachAsync(TestDatabase db, Guid id, string fileName, byte[] content, StaffScope? actor = null, long? length = null)
    {
        await using var scope = db.Scope();
        return await db.Get<AddCatalogAttachment>(scope).HandleAsync(new(id, fileName, length ?? content.Length, new MemoryStream(content)), actor ?? Editor);
    }

    private static async Task<Outcome<CatalogItem>> SubmitAsync(TestDatabase db, Guid id)
    {
        await using var scope = db.Scope();
        return await db.Get<SubmitCatalogItem>(scope).HandleAsync(id, Editor);
    }

    private static async Task<Outcome<CatalogItem>> PublishAsync(TestDatabase db, Guid id, string reason = "")
    {
        await using var scope = db.Scope();
        return await db.Get<PublishCatalogItem>(scope).HandleAsync(new(id, reason), Reviewer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_id_number_in_an_attachment_should_block_publication_until_it_is_removed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await DraftAsync(db);
        var list = await AttachAsync(db, item.Id, "名单.xlsx", NameList());
        Assert.True(list.Succeeded, string.Join("; ", list.Problems));
        Assert.True((await SubmitAsync(db, item.Id)).Succeeded);

        var blocked = await PublishAsync(db, item.Id);
        Assert.Equal(OutcomeKind.Invalid, blocked.Kind);
        var problem = Assert.Single(blocked.Problems);
        Assert.StartsWith("附件《名单.xlsx》中发现居民身份证号码“110105********002X”", problem.Message);
        Assert.DoesNotContain(IdNumber, problem.Message);

        await using (var scope = db.Scope())
        {
            var returned = await db.Get<ChangeCatalogItem>(scope).HandleAsync(new(item.Id, ChangeCatalogItem.Change.Return, "请删除名单附件"), Reviewer);
            Assert.True(returned.Succeeded);
            var removed = await db.Get<RemoveCatalogAttachment>(scope).HandleAsync(new(item.Id, list.Value!.Id), Editor);
            Assert.True(removed.Succeeded);
        }
        var notice = await AttachAsync(db, item.Id, "公示说明.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("公示期为5个工作日。")));
        Assert.True(notice.Succeeded, string.Join("; ", notice.Problems));
        Assert.True((await SubmitAsync(db, item.Id)).Succeeded);
        var published = await PublishAsync(db, item.Id);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));

        Assert.Equal(["起草", "添加附件", "提交审核", "退回修改", "删除附件", "添加附件", "提交审核", "发布"], published.Value!.Log.OrderBy(e => e.Sequence).Select(e => e.Action));
        await using (var scope = db.Scope())
        {
            var page = await db.Get<PublicCatalog>(scope).FindAsync(published.Value.IndexNumber!);
            var attachment = Assert.Single(page!.Attachments);
            Assert.Equal(("公示说明.docx", $"/xxgk/attachments/{notice.Value!.Id}"), (attachment.Name, attachment.Url));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lawful_reason_should_publish_an_attachment_with_personal_data_and_the_screen_should_list_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await DraftAsync(db, "关于拟授予见义勇为称号人员的公示");
        Assert.True((await AttachAsync(db, item.Id, "名单.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para($"张三，身份证号码 {IdNumber}，联系电话 13800138000")))).Succeeded);
        Assert.True((await SubmitAsync(db, item.Id)).Succeeded);

        var blocked = await PublishAsync(db, item.Id);
        Assert.Equal(["附件《名单.docx》中发现居民身份证号码“110105********002X”", "附件《名单.docx》中发现手机号码“138****8000”"],
            blocked.Problems.Select(p => p.Message.Split('：')[0]));
        var published = await PublishAsync(db, item.Id, "见义勇为人员公示须接受社会监督。");
        Assert.True(published.Succeeded);
        Assert.Contains("附件《名单.docx》中发现居民身份证号码“110105********002X”", published.Value!.Log.Single(e => e.Action == "个人信息核查说明").Note);

        var run = await CliRun.RunAsync(db, "catalog", "screen");
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Contains($"居民身份证号码\t110105********002X\t关于拟授予见义勇为称号人员的公示\t附件《名单.docx》", run.Out);
        Assert.Contains("共发现 2 处个人信息", run.Error);
        Assert.DoesNotContain(IdNumber, run.Out);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Files_that_are_not_what_they_say_damaged_or_too_large_should_be_refused_in_chinese(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await DraftAsync(db);
        byte[] program = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. new byte[512]];
        var tooLarge = new byte[Core.Catalog.AttachmentRules.DefaultMaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(tooLarge);

        string Refusal(Outcome<AttachmentRow> o) => Assert.Single(o.Problems, p => p.Field == "File").Message;
        Assert.Equal("文件内容与扩展名 .pdf 不符（内容像是Windows 可执行程序），请核对后重新上传。", Refusal(await AttachAsync(db, item.Id, "通知.pdf", program)));
        Assert.Equal("附件过大：20.1 MB，上限 20 MB。", Refusal(await AttachAsync(db, item.Id, "扫描件.pdf", tooLarge)));
        Assert.Equal("无法读取附件内容：文件已损坏，或不是有效的 Word 文档（.docx）。",
            Refusal(await AttachAsync(db, item.Id, "说明.docx", [.. "PK\x03\x04"u8, .. new byte[100]])));
        Assert.Equal("附件上传不完整，请重新上传。", Refusal(await AttachAsync(db, item.Id, "名单.xlsx", NameList(), length: 40_000)));

        Assert.True((await AttachAsync(db, item.Id, "名单.xlsx", NameList())).Succeeded);
        Assert.StartsWith("已有名为《名单.xlsx》的附件", Refusal(await AttachAsync(db, item.Id, "名单.XLSX", NameList())));
        Assert.True((await SubmitAsync(db, item.Id)).Succeeded);
        var late = await AttachAsync(db, item.Id, "补充.xlsx", NameList());
        Assert.Equal("该信息当前为“待审核”，只有草稿可以添加或删除附件。", Assert.Single(late.Problems, p => p.Field == "State").Message);

        await using var scope = db.Scope();
        Assert.Equal(["名单.xlsx"], await db.Get<GongkaiDb>(scope).CatalogAttachments.Select(a => a.FileName).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_outside_the_units_subtree_or_without_the_editor_role_should_not_add_or_remove(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await DraftAsync(db, "松涛区防汛工作通知", "st");
        var attached = await AttachAsync(db, item.Id, "名单.xlsx", NameList());
        string yueying;
        await using (var scope = db.Scope())
            yueying = await db.Get<GongkaiDb>(scope).Units.Where(u => u.Code == SeedDemoData.CodeOf("yy")).Select(u => u.Path).SingleAsync();
        var otherDistrict = Editor with { UnitPath = yueying };

        Assert.Equal(OutcomeKind.Missing, (await AttachAsync(db, item.Id, "通知.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("正文")), otherDistrict)).Kind);
        Assert.Equal(OutcomeKind.Denied, (await AttachAsync(db, item.Id, "通知.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("正文")), Reviewer)).Kind);
        await using (var scope = db.Scope())
        {
            var remove = db.Get<RemoveCatalogAttachment>(scope);
            Assert.Equal(OutcomeKind.Missing, (await remove.HandleAsync(new(item.Id, attached.Value!.Id), otherDistrict)).Kind);
            Assert.Equal(OutcomeKind.Missing, (await remove.HandleAsync(new(item.Id, Guid.CreateVersion7()), Editor)).Kind);
            Assert.Equal(1, await db.Get<GongkaiDb>(scope).CatalogAttachments.CountAsync());
        }
    }
}
