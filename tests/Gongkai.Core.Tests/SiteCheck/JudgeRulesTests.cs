using Gongkai.Core.SiteCheck;

namespace Gongkai.Core.Tests.SiteCheck;

/// <summary>The single-veto items of 国办秘函〔2019〕19号 as pure rules: 站点无法访问, 栏目不更新, 首页不更新, 互动回应差, 政务新媒体不更新.</summary>
public class JudgeRulesTests
{
    private static readonly DateOnly Today = new(2025, 6, 16);

    private static IEnumerable<Probe> Week(int perDay, Func<int, int, bool> failed, int days = 7) =>
        Enumerable.Range(1, days).SelectMany(d => Enumerable.Range(0, perDay).Select(i =>
            new Probe(Today.AddDays(-d).ToDateTime(new TimeOnly(0, 0)).AddMinutes(i * (1440 / perDay)), !failed(d, i), 800)));

    [Fact]
    public void 国办秘函2019_19号_站点无法访问_a_week_with_5_percent_failures_fails_and_the_evidence_gives_each_day()
    {
        // 24 probes a day, 7 days = 168; 9 failures = 5.36%.
        var probes = Week(24, (d, i) => d <= 3 && i < 3).ToList();
        var r = Reachability.Judge("青岚市政府门户网站", probes, Today);
        Assert.False(r.Veto.Passed);
        Assert.Equal((168, 9), (r.Probes, r.Failures));
        Assert.Contains("共监测 168 次", r.Veto.Evidence[0]);
        Assert.Contains("失败 3 次", r.Veto.Evidence.Single(e => e.StartsWith("2025-06-15：")));
        Assert.Contains("失败 0 次", r.Veto.Evidence.Single(e => e.StartsWith("2025-06-09：")));
    }

    [Fact]
    public void 国办秘函2019_19号_站点无法访问_under_5_percent_passes_and_a_slow_page_counts_as_a_failure()
    {
        // 8 failures of 168 = 4.76%: passes.
        var probes = Week(24, (d, i) => d <= 2 && i < 4).ToList();
        Assert.True(Reachability.Judge("站", probes, Today).Veto.Passed);
        // One more, a page that opened but took 15 s: 9/168, fails.
        probes[^1] = probes[^1] with { Ok = true, Milliseconds = 15_000 };
        Assert.False(Reachability.Judge("站", probes, Today).Veto.Passed);
    }

    [Fact]
    public void 国办秘函2019_19号_站点无法访问_too_few_probes_is_a_pass_that_says_监测不足()
    {
        // Every probe failed, but only 10 a day: the indicator's measurement (20 a day) did not happen.
        var r = Reachability.Judge("站", Week(10, (_, _) => true), Today);
        Assert.True(r.Veto.Passed);
        Assert.True(r.Insufficient);
        Assert.Contains(r.Veto.Evidence, e => e.StartsWith("监测不足"));
        // Six days of 24 probes and no seventh: also insufficient.
        var sixDays = Reachability.Judge("站", Week(24, (_, _) => false, days: 6), Today);
        Assert.True(sixDays.Insufficient);
        // Today's probes are not part of the week.
        var today = Reachability.Judge("站", [.. Week(24, (_, _) => false), new Probe(Today.ToDateTime(new TimeOnly(1, 0)), false)], Today);
        Assert.Equal(0, today.Failures);
        Assert.False(today.Insufficient);
    }

    private static ColumnFacts Column(string name, UpdateClass c, DateOnly? newest, int? items = 10, bool top = true, bool needs = true, bool home = false, bool read = true) =>
        new(name, name, c, needs, top, home, newest, items, read);

    [Theory]
    [InlineData(UpdateClass.News, 14, ColumnVerdict.Fresh)]
    [InlineData(UpdateClass.News, 15, ColumnVerdict.Stale)]
    [InlineData(UpdateClass.NoticePolicy, 180, ColumnVerdict.Fresh)] // 2024-12-18 ≥ 2024-12-16
    [InlineData(UpdateClass.NoticePolicy, 183, ColumnVerdict.Stale)] // 2024-12-15 < 2024-12-16 (6 calendar months)
    [InlineData(UpdateClass.Other, 365, ColumnVerdict.Fresh)]
    [InlineData(UpdateClass.Other, 366, ColumnVerdict.LongStale)]
    public void 国办秘函2019_19号_栏目不更新_a_column_is_judged_against_its_class_period(UpdateClass c, int daysOld, ColumnVerdict verdict) =>
        Assert.Equal(verdict, ColumnFreshness.Judge(Column("栏目", c, Today.AddDays(-daysOld)), Today, FreshnessPeriods.Default).Verdict);

    [Fact]
    public void 国办秘函2019_19号_栏目不更新_empty_undated_unread_and_static_columns()
    {
        var p = FreshnessPeriods.Default;
        Assert.Equal(ColumnVerdict.Empty, ColumnFreshness.Judge(Column("空", UpdateClass.News, null, items: 0), Today, p).Verdict);
        // 「未注明信息发布时间的视为不更新」.
        var undated = ColumnFreshness.Judge(Column("无日期", UpdateClass.News, null, items: 5), Today, p);
        Assert.Equal(ColumnVerdict.LongStale, undated.Verdict);
        Assert.Contains("未注明发布时间", undated.Evidence);
        Assert.Equal(ColumnVerdict.Unknown, ColumnFreshness.Judge(Column("未读", UpdateClass.News, null, items: null, read: false), Today, p).Verdict);
        Assert.Equal(ColumnVerdict.NotRequired, ColumnFreshness.Judge(Column("机构职能", UpdateClass.Other, Today.AddYears(-3), needs: false), Today, p).Verdict);
        // Configurable periods of the other classes.
        var shorter = p with { OtherClassDays = new Dictionary<UpdateClass, int> { [UpdateClass.PlanStatistics] = 90 } };
        Assert.Equal(ColumnVerdict.Stale, ColumnFreshness.Judge(Column("统计数据", UpdateClass.PlanStatistics, Today.AddDays(-91)), Today, shorter).Verdict);
    }

    [Fact]
    public void 国办秘函2019_19号_栏目不更新_five_stale_news_or_first_level_policy_columns_fail_four_do_not()
    {
        var stale = Today.AddDays(-30);
        var old = Today.AddMonths(-7);
        List<ColumnFacts> four =
        [
            Column("工作动态", UpdateClass.News, stale), Column("部门动态", UpdateClass.News, stale), Column("通知公告", UpdateClass.NoticePolicy, old),
            Column("政策文件", UpdateClass.NoticePolicy, old),
            // Not counted: a second-level policy column, a fresh news column.
            Column("政策文件\\规范性文件", UpdateClass.NoticePolicy, old, top: false), Column("要闻", UpdateClass.News, Today.AddDays(-3)),
        ];
        var passed = ColumnFreshness.ColumnsVeto("青岚市", ColumnFreshness.JudgeAll(four, Today, FreshnessPeriods.Default));
        Assert.True(passed.Passed);
        Assert.StartsWith("未更新的动态要闻类栏目、通知公告/政策文件类一级栏目 4 个", passed.Evidence[0]);
        var failed = ColumnFreshness.ColumnsVeto("青岚市", ColumnFreshness.JudgeAll([.. four, Column("乡镇动态", UpdateClass.News, stale)], Today, FreshnessPeriods.Default));
        Assert.False(failed.Passed);
        Assert.Contains("5 个", failed.Evidence[0]);
        Assert.Contains("「乡镇动态」", failed.Evidence[0]);
        Assert.DoesNotContain("规范性文件", failed.Evidence[0]);
    }

    [Fact]
    public void 国办秘函2019_19号_栏目不更新_ten_long_stale_or_five_empty_columns_fail()
    {
        var longAgo = Today.AddYears(-2);
        var nine = Enumerable.Range(1, 9).Select(i => Column($"专题{i}", UpdateClass.Other, longAgo)).ToList();
        Assert.True(ColumnFreshness.ColumnsVeto("u", ColumnFreshness.JudgeAll(nine, Today, FreshnessPeriods.Default)).Passed);
        var ten = ColumnFreshness.ColumnsVeto("u", ColumnFreshness.JudgeAll([.. nine, Column("专题10", UpdateClass.Other, longAgo)], Today, FreshnessPeriods.Default));
        Assert.False(ten.Passed);
        Assert.StartsWith("应更新但长期未更新的栏目 10 个", ten.Evidence[1]);
        Assert.Contains("「专题10」", ten.Evidence[1]);

        var four = Enumerable.Range(1, 4).Select(i => Column($"空栏目{i}", UpdateClass.Other, null, items: 0)).ToList();
        Assert.True(ColumnFreshness.ColumnsVeto("u", ColumnFreshness.JudgeAll(four, Today, FreshnessPeriods.Default)).Passed);
        var five = ColumnFreshness.ColumnsVeto("u", ColumnFreshness.JudgeAll([.. four, Column("空栏目5", UpdateClass.Other, null, items: 0, needs: false)], Today, FreshnessPeriods.Default));
        Assert.False(five.Passed);
        Assert.StartsWith("空白栏目 5 个", five.Evidence[2]);
    }

    [Fact]
    public void 国办秘函2019_19号_首页不更新_the_newest_homepage_column_older_than_14_days_fails_naming_date_and_column()
    {
        List<ColumnFacts> columns =
        [
            Column("工作动态", UpdateClass.News, Today.AddDays(-21), home: true),
            Column("通知公告", UpdateClass.NoticePolicy, Today.AddDays(-25), home: true),
            Column("统计数据", UpdateClass.PlanStatistics, Today.AddDays(-1)), // not on the homepage
        ];
        var v = ColumnFreshness.HomepageVeto("青岚市", columns, Today);
        Assert.False(v.Passed);
        Assert.Contains("2025-05-26（栏目「工作动态」）", v.Evidence[0]);
        Assert.Contains("21 天", v.Evidence[0]);
        // None marked: every column counts, and 统计数据 was updated yesterday.
        Assert.True(ColumnFreshness.HomepageVeto("青岚市", [.. columns.Select(c => c with { OnHomepage = false })], Today).Passed);
        Assert.True(ColumnFreshness.HomepageVeto("青岚市", [.. columns.Select(c => c with { NewestOn = Today.AddDays(-14) })], Today).Passed);
        // Columns but no dates at all: 视为不更新.
        Assert.False(ColumnFreshness.HomepageVeto("青岚市", [Column("动态", UpdateClass.News, null)], Today).Passed);
    }

    [Fact]
    public void 国办秘函2019_19号_互动回应差_a_valid_letter_unanswered_over_3_months_in_the_year_before_fails()
    {
        var unit = new FindingTarget("unit", "u1", "青岚市人民政府");
        string[] channels = ["市长信箱"];
        var unanswered = new LetterFacts("l1", "202503010001", "路灯", new DateOnly(2025, 3, 1), null, true);
        var (veto, findings) = InteractionCheck.Judge(unit, channels, [unanswered], Today);
        Assert.False(veto.Passed);
        Assert.Contains(veto.Evidence, e => e.Contains("202503010001") && e.Contains("至今未答复") && e.Contains("2025-06-01"));
        Assert.Equal("l1", findings.Single().Target.Id);

        // Answered within 3 months; invalid; received 13 months ago; received 2 months ago and open: none counts.
        LetterFacts[] fine =
        [
            unanswered with { AnsweredOn = new DateOnly(2025, 5, 30) },
            unanswered with { Id = "l2", Valid = false },
            unanswered with { Id = "l3", ReceivedOn = new DateOnly(2024, 5, 1) },
            unanswered with { Id = "l4", ReceivedOn = new DateOnly(2025, 4, 20) },
        ];
        Assert.True(InteractionCheck.Judge(unit, channels, fine, Today).Veto.Passed);
        // Answered, but only after 3 months: the 现象 existed in the year.
        Assert.False(InteractionCheck.Judge(unit, channels, [unanswered with { AnsweredOn = new DateOnly(2025, 6, 2) }], Today).Veto.Passed);
    }

    [Fact]
    public void 国办秘函2019_19号_互动回应差_no_consultation_channel_fails()
    {
        var (veto, findings) = InteractionCheck.Judge(new FindingTarget("unit", "u1", "某局"), [], [], Today);
        Assert.False(veto.Passed);
        Assert.Contains("未提供网上有效咨询建言渠道", veto.Evidence[0]);
        Assert.Equal(FindingRules.NoChannel, findings.Single().Rule);
    }

    [Fact]
    public void 国办秘函2019_19号_政务新媒体不更新_silent_or_never_entered_publishing_accounts_fail_closed_ones_are_not_judged()
    {
        var a = new AccountFacts("a1", "青岚发布", AccountPlatform.Weibo, AccountStatus.Publishing, Today.AddDays(-14));
        Assert.True(AccountSilence.Judge(a, Today)!.Passed);
        var silent = AccountSilence.Judge(a with { LastPostOn = Today.AddDays(-15) }, Today)!;
        Assert.False(silent.Passed);
        Assert.Equal("政务微博「青岚发布」", silent.Subject);
        Assert.Contains("2025-06-01", silent.Evidence[0]);
        var never = AccountSilence.Judge(a with { LastPostOn = null }, Today)!;
        Assert.False(never.Passed);
        Assert.Contains("未填报最近发布日期", never.Evidence[0]);
        Assert.Null(AccountSilence.Judge(a with { Status = AccountStatus.Closed, LastPostOn = Today.AddYears(-1) }, Today));
    }
}
