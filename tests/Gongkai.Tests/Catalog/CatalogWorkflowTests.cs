using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>Drafting, review and publication of catalog items, with 索引号 and the personal-data screen, on both databases.</summary>
public class CatalogWorkflowTests
{
    private static readonly StaffScope Editor = StaffScope.System with { DisplayName = "编辑", Roles = new HashSet<string> { StaffRole.CatalogEditor } };
    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    public static CatalogDraft Notice(string title = "青岚市人民政府关于做好2024年防汛工作的通知", string body = "<p>各区县人民政府，市直各单位：……</p>") => new()
    {
        Title = title,
        Summary = "部署2024年防汛工作。",
        Body = body,
        FormedOn = new DateOnly(2024, 5, 6),
        DocumentNumber = "青政发〔2024〕8号",
        Theme = "综合政务\\其他",
        Genre = Genre.Notice,
        Keywords = "防汛",
    };

    public static async Task<CatalogItem> SubmittedAsync(TestDatabase db, CatalogDraft draft, string unitKey = "city")
    {
        await using var scope = db.Scope();
        var saved = await db.Get<SaveCatalogDraft>(scope).HandleAsync(new(null, SeedDemoData.CodeOf(unitKey), draft), Editor);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        Assert.True((await db.Get<SubmitCatalogItem>(scope).HandleAsync(saved.Value!.Id, Editor)).Succeeded);
        return saved.Value;
    }

    private static async Task<Outcome<CatalogItem>> PublishAsync(TestDatabase db, Guid id, string reason = "")
    {
        await using var scope = db.Scope();
        return await db.Get<PublishCatalogItem>(scope).HandleAsync(new(id, reason), Reviewer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_should_assign_the_units_next_index_number_and_flag_a_late_item(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 6, 20));
        var first = await SubmittedAsync(db, Notice());
        var second = await SubmittedAsync(db, Notice("关于印发青岚市2024年政务公开工作要点的通知") with { FormedOn = new DateOnly(2024, 6, 18) });

        var published = await PublishAsync(db, first.Id);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        Assert.Equal($"{SeedDemoData.CityCode}/2024-00001", published.Value!.IndexNumber);
        // 第二十六条: formed 2024-05-06, due 2024-05-31 (5-11 a make-up Saturday); published 6-20 over 端午 (6-10): 13 working days late.
        Assert.Contains("超过第二十六条规定的 20 个工作日公开期限 13 个工作日", published.Value.Log.Single(e => e.Action == "发布").Note);

        var next = await PublishAsync(db, second.Id);
        Assert.Equal($"{SeedDemoData.CityCode}/2024-00002", next.Value!.IndexNumber);
        Assert.Equal("", next.Value.Log.Single(e => e.Action == "发布").Note);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Personal_data_should_block_publication_until_the_reviewer_records_why_it_is_lawful(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await SubmittedAsync(db, Notice("关于某某同志任职的通知", "<p>联系人：张某，电话 13800138000，身份证 11010519491231002X。</p>"));

        var blocked = await PublishAsync(db, item.Id);
        Assert.Equal(OutcomeKind.Invalid, blocked.Kind);
        Assert.Contains(blocked.Problems, p => p.Message.Contains("手机号码"));
        Assert.Contains(blocked.Problems, p => p.Message.Contains("居民身份证号码"));
        Assert.DoesNotContain(blocked.Problems, p => p.Message.Contains("13800138000"));   // masked in messages too

        var lawful = await PublishAsync(db, item.Id, "经核查，联系电话为单位公开电话。");
        Assert.True(lawful.Succeeded);
        Assert.Contains("单位公开电话", lawful.Value!.Log.Single(e => e.Action == "个人信息核查说明").Note);
    }

    [Fact]
    public async Task Concurrent_publications_should_never_share_an_index_number_on_postgres()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var items = new List<CatalogItem>();
        for (var i = 0; i < 12; i++)
            items.Add(await SubmittedAsync(db, Notice($"并发发布测试通知第 {i + 1} 号")));

        var results = await Task.WhenAll(items.Select(item => Task.Run(() => PublishAsync(db, item.Id))));
        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems)));
        var numbers = results.Select(r => r.Value!.IndexNumber!).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"{SeedDemoData.CityCode}/2024-{n:D5}"), numbers);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_normative_document_should_be_revoked_with_a_reason_and_keep_its_index_number(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var rule = await SubmittedAsync(db, Notice("青岚市某某管理办法") with { Genre = Genre.NormativeDocument, EffectiveOn = new DateOnly(2024, 6, 1), InterpretationWaiver = "程序性规定，不另行解读。" });
        var number = (await PublishAsync(db, rule.Id)).Value!.IndexNumber;

        await using var scope = db.Scope();
        var change = db.Get<ChangeCatalogItem>(scope);
        Assert.Equal(OutcomeKind.Invalid, (await change.HandleAsync(new(rule.Id, ChangeCatalogItem.Change.Revoke, ""), Reviewer)).Kind);
        var revoked = await change.HandleAsync(new(rule.Id, ChangeCatalogItem.Change.Revoke, "被《青岚市某某条例》取代", new DateOnly(2024, 12, 31)), Reviewer);
        Assert.True(revoked.Succeeded);
        var stored = await db.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking().SingleAsync(i => i.Id == rule.Id);
        Assert.Equal((Validity.Revoked, new DateOnly(2024, 12, 31), number), (stored.Validity, stored.RepealedOn!.Value, stored.IndexNumber));
        Assert.Equal(OutcomeKind.Denied, (await change.HandleAsync(new(rule.Id, ChangeCatalogItem.Change.Withdraw, "x"), Editor)).Kind);
    }
}
