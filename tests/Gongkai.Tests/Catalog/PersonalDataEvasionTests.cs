using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Tests.Catalog;

/// <summary>
/// Every way issue 13 §3 slipped personal data past the screen now blocks publication until the reviewer records why it
/// is lawful; an ordinary notice full of dates, amounts and the office's telephone number still publishes without one.
/// </summary>
public class PersonalDataEvasionTests
{
    private const string Image = "/xxgk/attachments/0192d3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6";

    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    /// <summary>(title, summary, body) of a draft, each hiding one number.</summary>
    private static readonly (string Title, string Summary, string Body)[] Evasions =
    [
        ("", "", "<p>身份证号<b>110105</b>19491231002X</p>"),
        ("", "", "<p>身份证号110105<span></span>19491231002X</p>"),
        ("", "", "<p>身份证号110105&#8203;19491231002X</p>"),
        ("", "", "<p>身份证号 110105 19491231 002X</p>"),
        ("", "", "<p>联系电话139<i></i>12345678</p>"),
        ("", "", "<p><span title=\"11010519491231002X\">张某</span>获评先进个人。</p>"),
        ("", "", $"<p><img src=\"{Image}\" alt=\"张某 13912345678\"></p>"),
        ("", "", "<p><a href=\"https://example.gov.cn/query?sfz=11010519491231002X\">查询</a></p>"),
        ("关于张某（13912\u200B345678）的公示", "", "<p>正文。</p>"),
        ("", "申请人身份证号 1101 0519 4912 3100 2X。", "<p>正文。</p>"),
    ];

    private static async Task<Outcome<CatalogItem>> PublishAsync(TestDatabase db, Guid id, string reason = "")
    {
        await using var scope = db.Scope();
        return await db.Get<PublishCatalogItem>(scope).HandleAsync(new(id, reason), Reviewer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_evasion_should_block_publication_until_a_lawful_reason_is_recorded(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        foreach (var (title, summary, body) in Evasions)
        {
            var draft = CatalogWorkflowTests.Notice(title.Length > 0 ? title : "关于2024年度先进个人的公示", body) with { Summary = summary };
            var item = await CatalogWorkflowTests.SubmittedAsync(db, draft);

            var blocked = await PublishAsync(db, item.Id);
            Assert.True(blocked.Kind == OutcomeKind.Invalid, $"published without a reason: {title}{summary}{body}");
            Assert.Contains(blocked.Problems, p => p.Field == "PersonalData");
            Assert.True((await PublishAsync(db, item.Id, "经核查，系依法应当公示的信息。")).Succeeded);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_number_in_groups_in_an_attachment_should_block_publication(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogAttachmentTests.DraftAsync(db);
        var docx = AttachmentTextTests.Docx(
            new W.Paragraph(new W.Run(new W.Text("张三 身份证号 110105")), new W.Run(new W.Text(" 19491231 ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                new W.Run(new W.Text("002X"))),
            AttachmentTextTests.Para("李四 手机 139\u200B1234\u200B5678"));
        Assert.True((await CatalogAttachmentTests.AttachAsync(db, item.Id, "名单.docx", docx)).Succeeded);
        await using (var scope = db.Scope())
            Assert.True((await db.Get<SubmitCatalogItem>(scope).HandleAsync(item.Id, StaffScope.System)).Succeeded);

        var blocked = await PublishAsync(db, item.Id);

        Assert.Equal(OutcomeKind.Invalid, blocked.Kind);
        Assert.Contains(blocked.Problems, p => p.Message.Contains("附件《名单.docx》中发现居民身份证号码“110105********002X”"));
        Assert.Contains(blocked.Problems, p => p.Message.Contains("附件《名单.docx》中发现手机号码“139****5678”"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_ordinary_notice_with_dates_amounts_and_the_offices_telephone_should_publish_without_a_reason(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var body = "<p>根据《青岚市人民政府关于印发……的通知》（青政发〔2019〕12号），现将2019年1月1日至2019年12月31日"
            + "（2019-01-01—2019-12-31）的补助发放情况公告如下：</p>"
            + "<table><tr><th>项目</th><th>金额（元）</th><th>户数</th></tr><tr><td>2019</td><td>1 234 567.89</td><td>13 800</td></tr>"
            + "<tr><td>合计</td><td><b>12 345 678</b></td><td>138 001 380</td></tr></table>"
            + "<p>咨询电话：0731-12345678、0731 1234 5678，传真：(0731) 8888 9999。索引号 014416330/2018-04736。</p>";
        var item = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice("关于2019年度补助发放情况的公告", body));

        var published = await PublishAsync(db, item.Id);

        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
    }
}
