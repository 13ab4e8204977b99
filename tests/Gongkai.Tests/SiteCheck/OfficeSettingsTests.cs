using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.Accounts;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.SiteCheck.OfficeSiteCheckData;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// The site check's settings as staff keep them: websites, columns, new-media accounts, the lexicon, judgements and the
/// guide's review — each checked, scoped to the account's subtree (督查 and roles without the right refused), and logged.
/// </summary>
public class OfficeSettingsTests
{
    private static readonly string Zjj = SeedDemoData.CodeOf("zjj");

    private static async Task<Outcome<T>> Do<T>(TestDatabase test, Func<IServiceProvider, Task<Outcome<T>>> action)
    {
        await using var scope = test.Scope();
        return await action(scope.ServiceProvider);
    }

    private static Task<Outcome<Website>> SaveSite(TestDatabase test, App.Accounts.StaffScope actor, SaveWebsite.Input input) =>
        Do(test, sp => sp.GetRequiredService<SaveWebsite>().HandleAsync(input, actor));

    private static async Task<List<SiteCheckLogEntry>> LogAsync(TestDatabase test)
    {
        await using var scope = test.Scope();
        return await test.Get<GongkaiDb>(scope).SiteCheckLog.OrderBy(e => e.Id).ToListAsync();
    }

    private static string Problems<T>(Outcome<T> outcome) => string.Join("；", outcome.Problems.Select(p => $"{p.Field}:{p.Message}"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_website_should_need_an_absolute_web_address_and_be_kept_only_by_staff_of_its_subtree(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var editor = await StaffAsync(test, "zjj", StaffRole.CatalogEditor);

        var bad = await SaveSite(test, editor, new(null, Zjj, "住建局网站", "ftp://zjj.example.gov.cn/", "12345", true));
        Assert.Equal(OutcomeKind.Invalid, bad.Kind);
        Assert.Contains(bad.Problems, p => p.Field == "HomeUrl" && p.Message.Contains("http://"));
        Assert.Contains(bad.Problems, p => p.Field == "SiteCode" && p.Message.Contains("10 位"));
        Assert.Equal(OutcomeKind.Invalid, (await SaveSite(test, editor, new(null, Zjj, "住建局网站", "/relative/path", "", true))).Kind);

        var saved = await SaveSite(test, editor, new(null, Zjj, "青岚市住房和城乡建设局网站", "https://zjj.example.gov.cn", "bm99000001", true));
        Assert.True(saved.Succeeded, Problems(saved));
        Assert.Equal("https://zjj.example.gov.cn/", saved.Value!.HomeUrl);
        Assert.Equal("BM99000001", saved.Value.SiteCode);

        // The city's administrator covers the bureau and may change its site; another bureau's officer may not see it.
        var cityAdmin = await StaffAsync(test, "city", StaffRole.UnitAdmin);
        Assert.True((await SaveSite(test, cityAdmin, new(saved.Value.Id, null, "青岚市住房和城乡建设局网站", "https://zjj.example.gov.cn/", "", false))).Succeeded);
        var fgw = await StaffAsync(test, "fgw", StaffRole.CatalogEditor);
        Assert.Equal(OutcomeKind.Missing, (await SaveSite(test, fgw, new(saved.Value.Id, null, "改名", "https://zjj.example.gov.cn/", "", true))).Kind);
        Assert.Equal(OutcomeKind.Missing, (await SaveSite(test, fgw, new(null, Zjj, "另一个网站", "https://other.example.gov.cn/", "", true))).Kind);
        // 督查 reads but does not change; 依申请办理 has no part in the site.
        Assert.Equal(OutcomeKind.Denied, (await SaveSite(test, await StaffAsync(test, "city", StaffRole.Supervisor), new(null, Zjj, "督查加的网站", "https://x.example.gov.cn/", "", true))).Kind);
        Assert.Equal(OutcomeKind.Denied, (await SaveSite(test, await StaffAsync(test, "zjj", StaffRole.ApplicationsOfficer), new(null, Zjj, "申请加的网站", "https://y.example.gov.cn/", "", true))).Kind);

        var log = await LogAsync(test);
        Assert.Equal(["新增网站", "修改网站"], log.Select(e => e.Action));
        Assert.Equal("zjj信息发布", log[0].ActorName);
        Assert.Equal("city单位管理员", log[1].ActorName);
        Assert.Contains("网站标识码：BM99000001 → 无", log[1].Note);
        Assert.Contains("停止检查", log[1].Note);
        await using var scope = test.Scope();
        Assert.False((await test.Get<GongkaiDb>(scope).Websites.SingleAsync()).Active);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_external_column_should_be_described_fully_and_of_Gongkais_own_only_the_class_and_flags_change(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2026, 11, 20));
        var reviewer = await StaffAsync(test, "zjj", StaffRole.CatalogReviewer);
        Task<Outcome<SiteColumn>> Save(SaveColumn.Input input, App.Accounts.StaffScope? actor = null) =>
            Do(test, sp => sp.GetRequiredService<SaveColumn>().HandleAsync(input, actor ?? reviewer));
        SaveColumn.Input Column(DateSource source, string pattern = "", DateOnly? newest = null, string url = "https://zjj.example.gov.cn/gzdt/") =>
            new(null, Zjj, "工作动态", null, url, source, "", pattern, UpdateClass.News, true, true, true, true, newest);

        var badPattern = await Save(Column(DateSource.ListPage, "(\\d{4}-"));
        Assert.Contains(badPattern.Problems, p => p.Field == "DatePattern" && p.Message.Contains("不是有效的正则表达式"));
        var slowPattern = await Save(Column(DateSource.ListPage, "(\\d+)+x"));
        Assert.Contains(slowPattern.Problems, p => p.Field == "DatePattern" && p.Message.Contains("过慢"));
        Assert.Contains((await Save(Column(DateSource.Records))).Problems, p => p.Field == "DateSource");
        Assert.Contains((await Save(Column(DateSource.Feed, url: "zjj.example.gov.cn/gzdt"))).Problems, p => p.Field == "Url");
        Assert.Contains((await Save(Column(DateSource.Entered, newest: new DateOnly(2026, 11, 21)))).Problems, p => p.Field == "NewestOn");

        var listPage = await Save(Column(DateSource.ListPage, "发布时间：(?<date>\\d{4}-\\d{2}-\\d{2})"));
        Assert.True(listPage.Succeeded, Problems(listPage));
        var entered = await Save(Column(DateSource.Entered, newest: new DateOnly(2026, 10, 1), url: "https://zjj.example.gov.cn/tzgg/") with { Name = "通知公告", UpdateClass = UpdateClass.NoticePolicy });
        Assert.True(entered.Succeeded, Problems(entered));
        Assert.Equal(new DateOnly(2026, 10, 1), entered.Value!.NewestOn);
        Assert.NotNull(entered.Value.ReadAt);

        // Gongkai's own column: a change of name, address or source is not taken, its class and flags are.
        Guid own;
        await using (var scope = test.Scope())
        {
            var db = test.Get<GongkaiDb>(scope);
            var unit = await db.Units.SingleAsync(u => u.Code == Zjj);
            var column = new SiteColumn { UnitId = unit.Id, Name = "规划计划", Source = ColumnSource.CatalogTheme, SourceKey = "规划计划", Url = "/xxgk/zjj", DateSource = DateSource.Records, UpdateClass = UpdateClass.PlanStatistics };
            db.SiteColumns.Add(column);
            await db.SaveChangesAsync();
            own = column.Id;
        }
        var changed = await Save(new(own, null, "改个名字", null, "https://elsewhere.example.gov.cn/", DateSource.Feed, "", "", UpdateClass.NoticePolicy, true, false, false, true));
        Assert.True(changed.Succeeded, Problems(changed));
        Assert.Equal(("规划计划", "/xxgk/zjj", DateSource.Records, UpdateClass.NoticePolicy, false), (changed.Value!.Name, changed.Value.Url, changed.Value.DateSource, changed.Value.UpdateClass, changed.Value.NeedsUpdates));

        Assert.Equal(OutcomeKind.Denied, (await Save(Column(DateSource.Feed), await StaffAsync(test, "city", StaffRole.Supervisor))).Kind);
        Assert.Equal(OutcomeKind.Missing, (await Save(Column(DateSource.Feed), await StaffAsync(test, "yy", StaffRole.UnitAdmin))).Kind);
        Assert.Equal(OutcomeKind.Missing, (await Save(new(own, null, "", null, "", DateSource.Feed, "", "", UpdateClass.News, true, true, true), await StaffAsync(test, "fgw", StaffRole.UnitAdmin))).Kind);

        var log = await LogAsync(test);
        Assert.Equal(["新增栏目", "新增栏目", "修改栏目"], log.Select(e => e.Action));
        Assert.Contains("类别：规划计划、统计数据类 → 通知公告、政策文件类", log[2].Note);
        Assert.DoesNotContain("改个名字", log[2].Note);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_media_account_should_need_its_closing_day_when_closed_and_no_future_post(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2026, 11, 20));
        var officer = await StaffAsync(test, "zjj", StaffRole.LettersOfficer);
        Task<Outcome<NewMediaAccount>> Save(SaveAccount.Input input, App.Accounts.StaffScope? actor = null) =>
            Do(test, sp => sp.GetRequiredService<SaveAccount>().HandleAsync(input, actor ?? officer));

        var bad = await Save(new(null, Zjj, AccountPlatform.WeChat, "青", "", "feed.xml", AccountStatus.Closed, null, new DateOnly(2026, 11, 21)));
        Assert.Equal(["Name", "FeedUrl", "ClosedOn", "LastPostOn"], bad.Problems.Select(p => p.Field));

        var saved = await Save(new(null, Zjj, AccountPlatform.Weibo, "青岚住建", "qinglan_zjj", "", AccountStatus.Publishing, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 1)));
        Assert.True(saved.Succeeded, Problems(saved));
        Assert.Null(saved.Value!.ClosedOn);   // only a closed account keeps a closing day
        Assert.Equal((new DateOnly(2026, 11, 1), DateSource.Entered), (saved.Value.LastPostOn, saved.Value.LastPostSource));

        var closed = await Save(new(saved.Value.Id, null, AccountPlatform.Weibo, "青岚住建", "qinglan_zjj", "", AccountStatus.Closed, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 1)));
        Assert.True(closed.Succeeded, Problems(closed));
        Assert.Equal(new DateOnly(2026, 11, 10), closed.Value!.ClosedOn);

        Assert.Equal(OutcomeKind.Denied, (await Save(new(null, Zjj, AccountPlatform.WeChat, "督查账号", "", "", AccountStatus.Publishing, null, null), await StaffAsync(test, "zjj", StaffRole.Supervisor))).Kind);
        Assert.Equal(OutcomeKind.Missing, (await Save(new(saved.Value.Id, null, AccountPlatform.WeChat, "别人的账号", "", "", AccountStatus.Publishing, null, null), await StaffAsync(test, "fgw", StaffRole.LettersOfficer))).Kind);
        var log = await LogAsync(test);
        Assert.Equal(["新增新媒体账号", "修改新媒体账号"], log.Select(e => e.Action));
        Assert.Contains("状态：发布信息 → 已关停", log[1].Note);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lexicon_entry_should_be_checked_updated_when_added_again_and_removed_inside_the_scope(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var editor = await StaffAsync(test, "city", StaffRole.CatalogEditor);
        Task<Outcome<LexiconEntry>> Add(AddLexiconEntry.Input input, App.Accounts.StaffScope? actor = null) =>
            Do(test, sp => sp.GetRequiredService<AddLexiconEntry>().HandleAsync(input, actor ?? editor));
        var city = SeedDemoData.CityCode;

        Assert.Contains((await Add(new(city, LexiconKind.Misspelling, "国务院总里", "", ""))).Problems, p => p.Field == "Correction" && p.Message.Contains("正确写法"));
        Assert.Contains((await Add(new(city, LexiconKind.WrongName, "中华人民共和", "中华人民共和国", ""))).Problems, p => p.Message.Contains("不能包含词语本身"));
        Assert.Contains((await Add(new(city, LexiconKind.Forbidden, "某", "", ""))).Problems, p => p.Field == "Term");

        var first = await Add(new(city, LexiconKind.Misspelling, "国务院总里", "国务院总理", ""));
        Assert.True(first.Succeeded, Problems(first));
        var again = await Add(new(city, LexiconKind.Misspelling, "国务院总里", "国务院总理", "常见输入错误"));
        Assert.Equal(first.Value!.Id, again.Value!.Id);

        var below = await StaffAsync(test, "zjj", StaffRole.UnitAdmin);
        var supervisor = await StaffAsync(test, "city", StaffRole.Supervisor);
        Assert.Equal(OutcomeKind.Missing, (await Do(test, sp => sp.GetRequiredService<RemoveLexiconEntry>().HandleAsync(new(first.Value.Id), below))).Kind);
        Assert.Equal(OutcomeKind.Denied, (await Do(test, sp => sp.GetRequiredService<RemoveLexiconEntry>().HandleAsync(new(first.Value.Id), supervisor))).Kind);
        Assert.True((await Do(test, sp => sp.GetRequiredService<RemoveLexiconEntry>().HandleAsync(new(first.Value.Id), editor))).Succeeded);

        await using var scope = test.Scope();
        Assert.Empty(await test.Get<GongkaiDb>(scope).LexiconEntries.ToListAsync());
        Assert.Equal(["新增词条", "修改词条", "删除词条"], (await LogAsync(test)).Select(e => e.Action));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lexicon_hit_should_be_judged_by_its_key_with_a_reason_to_dismiss_it_and_the_guide_confirmed_reviewed(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var hit = Finding(FindingRules.Lexicon, "疑似严重错误：“国务院总里”", "《2026年工作要点》正文第 3 段：“……国务院总里……”", 1, "item", label: "2026年工作要点", judge: true);
        var stale = Finding(FindingRules.ColumnStale, "栏目 20 天未更新", "工作动态最新一条为 2026-10-31", 1);
        await RunAsync(test, "zjj", Beijing(2026, 11, 20), Card(Vetoes()), hit, stale);
        var officer = await StaffAsync(test, "zjj", StaffRole.LettersOfficer);
        Task<Outcome<SiteFindingDecision>> Judge(JudgeFinding.Input input, App.Accounts.StaffScope? actor = null) =>
            Do(test, sp => sp.GetRequiredService<JudgeFinding>().HandleAsync(input, actor ?? officer));

        Assert.Contains((await Judge(new(Zjj, hit.Key, FindingDecision.Dismissed, " "))).Problems, p => p.Field == "Note");
        Assert.Contains((await Judge(new(Zjj, stale.Key, FindingDecision.Dismissed, "栏目已停用"))).Problems, p => p.Message.Contains("无需人工判定"));
        Assert.Equal(OutcomeKind.Missing, (await Judge(new(Zjj, "lexicon:没有这一项", FindingDecision.Confirmed, ""))).Kind);
        Assert.Equal(OutcomeKind.Missing, (await Judge(new(SeedDemoData.CodeOf("fgw"), hit.Key, FindingDecision.Confirmed, ""))).Kind);
        Assert.Equal(OutcomeKind.Denied, (await Judge(new(Zjj, hit.Key, FindingDecision.Confirmed, ""), await StaffAsync(test, "city", StaffRole.Supervisor))).Kind);

        Assert.True((await Judge(new(Zjj, hit.Key, FindingDecision.Confirmed, ""))).Succeeded);
        var dismissed = await Judge(new(Zjj, hit.Key, FindingDecision.Dismissed, "引用的是 1998 年文件原文"));
        Assert.True(dismissed.Succeeded, Problems(dismissed));

        test.Clock.SetToday(new DateOnly(2026, 11, 21));
        var reviewed = await Do(test, sp => sp.GetRequiredService<ConfirmGuideReviewed>().HandleAsync(new(Zjj), officer));
        Assert.True(reviewed.Succeeded);
        var supervisor = await StaffAsync(test, "zjj", StaffRole.Supervisor);
        Assert.Equal(OutcomeKind.Denied, (await Do(test, sp => sp.GetRequiredService<ConfirmGuideReviewed>().HandleAsync(new(Zjj), supervisor))).Kind);

        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var decision = await db.SiteFindingDecisions.SingleAsync();
        Assert.Equal((FindingDecision.Dismissed, "引用的是 1998 年文件原文", "zjj互动交流"), (decision.Decision, decision.Note, decision.ActorName));
        Assert.Equal(test.Clock.GetUtcNow().UtcDateTime, (await db.Units.SingleAsync(u => u.Code == Zjj)).GuideReviewedAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(["判定发现", "判定发现", "确认指南已复核"], (await LogAsync(test)).Select(e => e.Action));
    }
}
