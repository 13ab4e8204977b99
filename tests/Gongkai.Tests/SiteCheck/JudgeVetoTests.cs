using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.SiteCheck.JudgeTestData;

namespace Gongkai.Tests.SiteCheck;

/// <summary>Each single-veto item of 国办秘函〔2019〕19号 (domain notes §5) judged by RunSiteCheck over stored records, with its evidence.</summary>
public class JudgeVetoTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_站点无法访问_a_week_with_10_percent_failures_fails_and_thin_monitoring_says_监测不足(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var jyj = await UnitAsync(test, "jyj");
        var portal = new Website { UnitId = jyj.Id, Name = "市教育局网站", HomeUrl = "http://127.0.0.1:1/", CreatedAt = DateTime.UtcNow };
        var thin = new Website { UnitId = jyj.Id, Name = "招生考试网", HomeUrl = "http://127.0.0.1:2/", CreatedAt = DateTime.UtcNow.AddSeconds(1) };
        await AddAsync(test, portal, thin);
        var probes = new List<SiteProbe>();
        for (var d = 1; d <= 7; d++)
            for (var h = 0; h < 24; h++)
            {
                var at = test.Today().AddDays(-d).AtChinaHour(h);
                probes.Add(new SiteProbe { WebsiteId = portal.Id, At = at, Ok = !(h < 3 && d <= 6), Milliseconds = 900 }); // 6 days × 3 = 18 of 168
                if (h % 2 == 0)
                    probes.Add(new SiteProbe { WebsiteId = thin.Id, At = at, Ok = false, Milliseconds = 15000, Error = "超时" });
            }
        // Today's probes are not part of the week.
        probes.Add(new SiteProbe { WebsiteId = portal.Id, At = test.Today().AtChinaHour(1), Ok = false });
        await AddAsync(test, [.. probes]);

        var report = await CheckAsync(test, jyj);
        var vetoes = report.Veto.Where(v => v.Rule == VetoRule.Unreachable).ToList();
        Assert.Equal(["市教育局网站", "招生考试网"], vetoes.Select(v => v.Subject));
        Assert.False(vetoes[0].Passed);
        Assert.Contains("共监测 168 次，超过 15 秒未打开 18 次，占 10.7%", vetoes[0].Evidence[0]);
        Assert.True(vetoes[1].Passed);
        Assert.Contains(vetoes[1].Evidence, e => e.StartsWith("监测不足"));
        Assert.Contains(report.Findings, f => f.Rule == FindingRules.Unreachable && f.Target.Label == "市教育局网站" && f.Urgency == 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_首页不更新_a_homepage_three_weeks_old_fails_naming_its_date_and_column(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var city = await UnitAsync(test, "city");
        var news = Column(city, "青岚要闻", UpdateClass.News, test.Today().AddDays(-21), home: true);
        // Published yesterday, but not a homepage column.
        await AddAsync(test, news, Column(city, "统计数据", UpdateClass.PlanStatistics, test.Today().AddDays(-1)), Mailbox(city, "市长信箱"));

        var report = await CheckAsync(test, city);
        var homepage = report.Veto(VetoRule.HomepageNotUpdated);
        Assert.False(homepage.Passed);
        Assert.Contains("首页最新信息 2025-05-26（栏目「青岚要闻」），距检查日 21 天，超过 14 天未更新", homepage.Evidence[0]);
        Assert.Contains(report.Findings, f => f.Rule == FindingRules.HomepageStale && f.Urgency == 0);

        await ChangeAsync<SiteColumn>(test, news.Id, c => c.NewestOn = test.Today().AddDays(-3));
        Assert.True((await CheckAsync(test, city)).Veto(VetoRule.HomepageNotUpdated).Passed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_栏目不更新_five_stale_news_or_policy_columns_ten_long_stale_or_five_empty_fail(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var (jyj, czj, wjw) = (await UnitAsync(test, "jyj"), await UnitAsync(test, "czj"), await UnitAsync(test, "wjw"));
        var today = test.Today();
        await AddAsync(test,
            Column(jyj, "教育动态", UpdateClass.News, today.AddDays(-20), home: true), Column(jyj, "校园新闻", UpdateClass.News, today.AddDays(-30)),
            Column(jyj, "通知公告", UpdateClass.NoticePolicy, today.AddMonths(-7)), Column(jyj, "政策文件", UpdateClass.NoticePolicy, today.AddMonths(-8)),
            Column(jyj, "政策文件\\招生政策", UpdateClass.NoticePolicy, today.AddMonths(-8), top: false), // second level: not counted
            Column(jyj, "工作要闻", UpdateClass.News, today.AddDays(-2)));
        var four = await CheckAsync(test, jyj);
        Assert.True(four.Veto(VetoRule.ColumnsNotUpdated).Passed);
        Assert.StartsWith("未更新的动态要闻类栏目、通知公告/政策文件类一级栏目 4 个", four.Veto(VetoRule.ColumnsNotUpdated).Evidence[0]);
        await AddAsync(test, Column(jyj, "基层动态", UpdateClass.News, today.AddDays(-15)));
        var five = (await CheckAsync(test, jyj)).Veto(VetoRule.ColumnsNotUpdated);
        Assert.False(five.Passed);
        Assert.StartsWith("未更新的动态要闻类栏目、通知公告/政策文件类一级栏目 5 个（5 个及以上否决）：", five.Evidence[0]);
        Assert.All(["基层动态", "教育动态", "通知公告", "政策文件", "校园新闻"], name => Assert.Contains($"「{name}」", five.Evidence[0]));
        Assert.DoesNotContain("招生政策", five.Evidence[0]);

        await AddAsync(test, [.. Enumerable.Range(1, 10).Select(i => Column(czj, $"专题{i:D2}", UpdateClass.Other, today.AddYears(-2)))]);
        var longStale = (await CheckAsync(test, czj)).Veto(VetoRule.ColumnsNotUpdated);
        Assert.False(longStale.Passed);
        Assert.StartsWith("应更新但长期未更新的栏目 10 个（10 个及以上否决）：「专题01」", longStale.Evidence[1]);

        await AddAsync(test, [.. Enumerable.Range(1, 5).Select(i => Column(wjw, $"空栏目{i}", UpdateClass.Other, null, items: 0))]);
        var empty = (await CheckAsync(test, wjw)).Veto(VetoRule.ColumnsNotUpdated);
        Assert.False(empty.Passed);
        Assert.StartsWith("空白栏目 5 个", empty.Evidence[2]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_严重错误_a_lexicon_hit_fails_until_a_person_dismisses_it_and_the_dismissal_sticks(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var (city, jyj) = (await UnitAsync(test, "city"), await UnitAsync(test, "jyj"));
        // The city's lexicon applies to the bureau below it.
        await AddAsync(test, new LexiconEntry { UnitId = city.Id, Kind = LexiconKind.WrongName, Term = "国家卫生计生委", Correction = "国家卫生健康委", CreatedAt = DateTime.UtcNow },
            Item(jyj, "关于转发国家卫生计生委通知的通知", test.Today().AddDays(-5), body: "<p>根据国家卫生健康委要求……</p>"),
            Letter(jyj, "体检", test.Today().AddDays(-30), test.Today().AddDays(-28), LetterState.Closed, published: true) is var l ? l : null!);
        await ChangeAsync<App.Letters.Letter>(test, l.Id, x => x.PublishedAnswer = "学生体检按国家卫生计生委规定执行。");

        var first = await CheckAsync(test, jyj);
        var veto = first.Veto(VetoRule.SeriousErrors);
        Assert.False(veto.Passed);
        var hits = first.Findings.Where(f => f.Rule == FindingRules.Lexicon).ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.True(h.NeedsJudgement));
        var title = hits.Single(h => h.Target.Kind == "item");
        Assert.Contains("「国家卫生计生委」应为「国家卫生健康委」；标题：关于转发国家卫生计生委通知的通知", title.Evidence);
        Assert.StartsWith("lexicon:", title.Key);
        Assert.Contains(veto.Evidence, e => e.Contains("公开的答复") && e.Contains("学生体检按国家卫生计生委规定执行"));

        // The body's 国家卫生健康委 was not a hit; the person dismisses one hit (a quotation of the old name in a title is right).
        await AddAsync(test, new SiteFindingDecision { UnitId = jyj.Id, Key = title.Key, Decision = FindingDecision.Dismissed, At = DateTime.UtcNow, ActorName = "审核员" });
        var letterHit = hits.Single(h => h.Target.Kind == "letter");
        await AddAsync(test, new SiteFindingDecision { UnitId = jyj.Id, Key = letterHit.Key, Decision = FindingDecision.Confirmed, At = DateTime.UtcNow, ActorName = "审核员" });
        var second = await CheckAsync(test, jyj);
        Assert.False(second.Veto(VetoRule.SeriousErrors).Passed); // the confirmed one stays until the text is corrected
        Assert.Equal([letterHit.Key], second.Findings.Where(f => f.Rule == FindingRules.Lexicon).Select(f => f.Key));
        Assert.False(second.Findings.Single(f => f.Rule == FindingRules.Lexicon).NeedsJudgement);

        await ChangeAsync<App.Letters.Letter>(test, l.Id, x => x.PublishedAnswer = "学生体检按国家卫生健康委规定执行。");
        var third = await CheckAsync(test, jyj);
        Assert.True(third.Veto(VetoRule.SeriousErrors).Passed);
        Assert.DoesNotContain(third.Findings, f => f.Rule == FindingRules.Lexicon);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_严重错误_an_impossible_publication_date_fails_until_judged_and_a_corrected_date_ends_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var jyj = await UnitAsync(test, "jyj");
        var before = Item(jyj, "关于做好暑期安全工作的通知", new DateOnly(2025, 6, 2), formed: new DateOnly(2025, 6, 10));
        var future = Item(jyj, "关于公布招生计划的公告", new DateOnly(2025, 7, 1), formed: new DateOnly(2025, 6, 1));
        var fine = Item(jyj, "关于开展教师培训的通知", new DateOnly(2025, 6, 10), formed: new DateOnly(2025, 6, 10));
        await AddAsync(test, before, future, fine);

        var first = await CheckAsync(test, jyj);
        var veto = first.Veto(VetoRule.SeriousErrors);
        Assert.False(veto.Passed);
        var dates = first.Findings.Where(f => f.Rule == FindingRules.FalseDate).OrderBy(f => f.Target.Label).ToList();
        Assert.Equal(["《关于做好暑期安全工作的通知》", "《关于公布招生计划的公告》"], dates.Select(f => f.Target.Label).Order(StringComparer.Ordinal));
        Assert.All(dates, f => Assert.True(f.NeedsJudgement));
        Assert.Contains(dates, f => f.Evidence.Contains("发布日期 2025-06-02 早于成文日期 2025-06-10"));
        Assert.Contains(dates, f => f.Evidence.Contains("发布日期 2025-07-01 晚于检查日 2025-06-16"));
        Assert.Contains(veto.Evidence, e => e.Contains("早于成文日期"));

        // A person judges the early one a typing slip in an old import (不是错误); the future date is corrected.
        var early = dates.Single(f => f.Target.Id == before.Id.ToString());
        await AddAsync(test, new SiteFindingDecision { UnitId = jyj.Id, Key = early.Key, Decision = FindingDecision.Dismissed, At = DateTime.UtcNow, ActorName = "审核员", Note = "旧目录导入" });
        await ChangeAsync<App.Catalog.CatalogItem>(test, future.Id, x => x.PublishedOn = new DateOnly(2025, 6, 3));
        var second = await CheckAsync(test, jyj);
        Assert.True(second.Veto(VetoRule.SeriousErrors).Passed);
        Assert.DoesNotContain(second.Findings, f => f.Rule == FindingRules.FalseDate);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_互动回应差_a_valid_letter_unanswered_over_3_months_fails_answered_or_older_ones_do_not(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var (city, jyj) = (await UnitAsync(test, "city"), await UnitAsync(test, "jyj"));

        // No mailbox anywhere above the bureau: no consultation channel.
        var none = (await CheckAsync(test, jyj)).Veto(VetoRule.PoorInteraction);
        Assert.False(none.Passed);
        Assert.Contains("未提供网上有效咨询建言渠道", none.Evidence[0]);

        // The city's open mailbox takes the bureau's letters.
        await AddAsync(test, Mailbox(city, "市长信箱"),
            Letter(city, "已答复的来信", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 10), LetterState.Closed),
            Letter(city, "一年前的来信", new DateOnly(2024, 5, 1), null, LetterState.InProgress),
            Letter(city, "无效来信", new DateOnly(2025, 1, 5), null, LetterState.Invalid),
            Letter(city, "未满三个月", new DateOnly(2025, 4, 1), null, LetterState.InProgress));
        var passed = await CheckAsync(test, jyj);
        Assert.True(passed.Veto(VetoRule.PoorInteraction).Passed);
        Assert.Contains("「市长信箱（青岚市人民政府）」", passed.Veto(VetoRule.PoorInteraction).Evidence[0]);
        var cityReport = await CheckAsync(test, city);
        Assert.True(cityReport.Veto(VetoRule.PoorInteraction).Passed);
        // 2025-04-01 reaches its veto day on 07-01: within 15 days it is flagged.
        test.Clock.SetToday(new DateOnly(2025, 6, 20));
        Assert.Contains((await CheckAsync(test, city)).Findings, f => f.Rule == FindingRules.Unanswered && f.Urgency == 1 && f.Target.Label.EndsWith("未满三个月"));

        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var late = Letter(city, "路灯不亮", new DateOnly(2025, 3, 1), null, LetterState.InProgress);
        await AddAsync(test, late);
        var failed = await CheckAsync(test, city);
        var veto = failed.Veto(VetoRule.PoorInteraction);
        Assert.False(veto.Passed);
        Assert.Contains(veto.Evidence, e => e.Contains($"信件 {late.Number}「路灯不亮」2025-03-01 收到，至今未答复") && e.Contains("2025-06-01 前应答复"));
        Assert.Contains(failed.Findings, f => f.Rule == FindingRules.Unanswered && f.Target.Id == late.Id.ToString() && f.Urgency == 0 && f.Target.Url == $"/office/letters/{late.Id}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_政务新媒体不更新_a_silent_or_unreported_publishing_account_fails_a_closed_one_does_not(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var yy = await UnitAsync(test, "yy");
        NewMediaAccount Account(string name, AccountStatus status, DateOnly? last) => new()
        {
            UnitId = yy.Id, Platform = AccountPlatform.WeChat, Name = name, Status = status, LastPostOn = last, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await AddAsync(test, Account("映月发布", AccountStatus.Publishing, test.Today().AddDays(-3)), Account("映月教育", AccountStatus.Publishing, test.Today().AddDays(-20)),
            Account("映月城管", AccountStatus.Publishing, null), Account("映月旧号", AccountStatus.Closed, test.Today().AddYears(-1)));
        var report = await CheckAsync(test, yy);
        var accounts = report.Veto.Where(v => v.Rule == VetoRule.NewMediaSilent).ToDictionary(v => v.Subject);
        Assert.Equal(3, accounts.Count);
        Assert.True(accounts["政务微信「映月发布」"].Passed);
        Assert.False(accounts["政务微信「映月教育」"].Passed);
        Assert.Contains("最近发布 2025-05-27，距检查日 20 天，超过 14 天未更新", accounts["政务微信「映月教育」"].Evidence[0]);
        Assert.False(accounts["政务微信「映月城管」"].Passed);
        Assert.Contains("未填报最近发布日期", accounts["政务微信「映月城管」"].Evidence[0]);
        Assert.Equal(2, report.Findings.Count(f => f.Rule == FindingRules.AccountSilent));
    }
}
