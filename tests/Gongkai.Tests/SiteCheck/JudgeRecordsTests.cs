using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.SiteCheck;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.SiteCheck.JudgeTestData;

namespace Gongkai.Tests.SiteCheck;

/// <summary>The checks over Gongkai's own records (解读, 指南, 目录), the score, own columns, who may run the check, and `gongkai site check` (国办秘函〔2019〕19号 self-check).</summary>
public class JudgeRecordsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_interpretation_guide_and_catalog_findings_and_their_deductions(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var jyj = await UnitAsync(test, "jyj");
        var today = test.Today();
        var rule = Item(jyj, "青岚市学校安全管理办法", today.AddDays(-10), Genre.NormativeDocument);
        var waived = Item(jyj, "青岚市教育收费管理规定", today.AddDays(-10), Genre.NormativeDocument);
        waived.InterpretationWaiver = "属于技术性调整，无需解读。";
        var interpreted = Item(jyj, "青岚市学前教育规定", today.AddDays(-10), Genre.NormativeDocument);
        var draftPolicy = Item(jyj, "青岚市校外培训规定", today, Genre.NormativeDocument, state: CatalogState.Draft);
        var interpretation = Item(jyj, "《青岚市学前教育规定》解读", today.AddDays(-10), Genre.Interpretation);
        interpretation.InterpretsId = interpreted.Id;
        interpretation.InterpretationForms = Core.Participation.InterpretationForms.Text | Core.Participation.InterpretationForms.Graphics;
        var orphan = Item(jyj, "《青岚市校外培训规定》解读", today.AddDays(-2), Genre.Interpretation);
        orphan.InterpretsId = draftPolicy.Id;
        var overdue = Item(jyj, "关于2025年中考报名的通知", today, state: CatalogState.Submitted, formed: today.AddDays(-60));
        var recent = Item(jyj, "关于暑期安全的通知", today, state: CatalogState.Draft, formed: today.AddDays(-5));
        await AddAsync(test, rule, waived, interpreted, draftPolicy, interpretation, orphan, overdue, recent);
        await ChangeAsync<App.Units.Unit>(test, jyj.Id, u => { u.Phone = ""; u.GuideReviewedAt = new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc); });

        var report = await CheckAsync(test, jyj);
        var missing = report.Findings.Single(f => f.Rule == FindingRules.InterpretationMissing);
        Assert.Equal("《青岚市学校安全管理办法》", missing.Target.Label);
        Assert.Equal($"/office/catalog/{rule.Id}", missing.Target.Url);
        Assert.Contains("既无已发布的解读", missing.Evidence);
        Assert.Contains("青岚市校外培训规定》未发布", report.Findings.Single(f => f.Rule == FindingRules.InterpretationUnlinked).Evidence);
        Assert.Equal("指南缺少：联系电话", report.Findings.Single(f => f.Rule == FindingRules.GuideIncomplete).Evidence);
        Assert.Contains("2024-01-10", report.Findings.Single(f => f.Rule == FindingRules.GuideStale).Evidence);
        var late = report.Findings.Single(f => f.Rule == FindingRules.CatalogOverdue);
        Assert.Equal("《关于2025年中考报名的通知》", late.Target.Label);
        Assert.Contains("仍为待审核", late.Evidence);

        // Deductions: 解读 −2, unlinked −1, guide −3 and −2, overdue −1 = 9; bonus: 图解 +2. No other deduction: columns are fresh.
        var deducted = report.Deductions.Where(d => d.Counted > 0).ToDictionary(d => d.Code, d => d.Counted);
        Assert.Equal(new Dictionary<string, int>
        {
            ["deduct.interpretation-missing"] = 2, ["deduct.interpretation-unlinked"] = 1, ["deduct.guide-stale"] = 3, ["deduct.guide-incomplete"] = 2, ["deduct.catalog-overdue"] = 1,
        }, deducted);
        Assert.Equal(["图表图解"], report.Bonuses.Single(b => b.Code == "bonus.interpretation-forms").Evidence);
        Assert.Equal(100 - 9 + 2, report.Score);

        // Stored: the run, its findings, the log.
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var run = await db.SiteCheckRuns.Include(r => r.Findings).SingleAsync(r => r.UnitId == jyj.Id);
        Assert.Equal((93, report.Findings.Count), (run.Score, run.Findings.Count));
        Assert.Equal(93, SiteCheckReport.FromJson(run.ScorecardJson).Score);
        Assert.Contains(await db.SiteCheckLog.Where(e => e.UnitId == jyj.Id).ToListAsync(), e => e.Action == "运行检查" && e.Note.Contains("93 分"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_own_columns_are_kept_from_the_records_without_overwriting_staff_choices(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 16));
        var city = await UnitAsync(test, "city");
        var today = test.Today();
        await AddAsync(test, Item(city, "通知一", today.AddDays(-40), Genre.Notice, "城乡建设、环境保护\\城市规划"), Item(city, "通知二", today.AddDays(-5), Genre.Notice, "城乡建设、环境保护"),
            Item(city, "报告", today.AddDays(-100), Genre.Report, "综合政务"), Mailbox(city, "市长信箱"));
        await using (var scope = test.Scope())
            await test.Get<SyncOwnColumns>(scope).HandleAsync(city);
        List<SiteColumn> Columns()
        {
            using var scope = test.Scope();
            return [.. test.Get<GongkaiDb>(scope).SiteColumns.AsNoTracking().Where(c => c.UnitId == city.Id).OrderBy(c => c.Source).ThenBy(c => c.SourceKey)];
        }
        var columns = Columns();
        var theme = columns.Single(c => c.Source == ColumnSource.CatalogTheme && c.SourceKey == "城乡建设、环境保护");
        Assert.Equal((today.AddDays(-5), 2), (theme.NewestOn!.Value, theme.ItemCount!.Value));
        var notices = columns.Single(c => c.Source == ColumnSource.CatalogGenre && c.SourceKey == nameof(Genre.Notice));
        Assert.Equal(("通知", UpdateClass.NoticePolicy), (notices.Name, notices.UpdateClass));
        Assert.Equal(UpdateClass.Other, columns.Single(c => c.SourceKey == nameof(Genre.Report)).UpdateClass);
        var mailbox = columns.Single(c => c.Source == ColumnSource.Mailbox);
        Assert.Equal(("市长信箱", 0), (mailbox.Name, mailbox.ItemCount!.Value));
        Assert.DoesNotContain(columns, c => c.Source is ColumnSource.Interpretations or ColumnSource.Solicitations or ColumnSource.Interviews);

        // Staff make the notices column a news column on the homepage, not first-level, and the report column static.
        await ChangeAsync<SiteColumn>(test, notices.Id, c => { c.UpdateClass = UpdateClass.News; c.OnHomepage = true; c.TopLevel = false; });
        await ChangeAsync<SiteColumn>(test, columns.Single(c => c.SourceKey == nameof(Genre.Report)).Id, c => c.NeedsUpdates = false);
        await AddAsync(test, Item(city, "通知三", today.AddDays(-1), Genre.Notice, "城乡建设、环境保护"));
        await CheckAsync(test, city);
        var after = Columns();
        var kept = after.Single(c => c.Id == notices.Id);
        Assert.Equal((UpdateClass.News, true, false, today.AddDays(-1), 3), (kept.UpdateClass, kept.OnHomepage, kept.TopLevel, kept.NewestOn!.Value, kept.ItemCount!.Value));
        Assert.False(after.Single(c => c.SourceKey == nameof(Genre.Report)).NeedsUpdates);
        Assert.Equal(columns.Count, after.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task 国办秘函2019_19号_run_is_scoped_to_the_actors_subtree_and_roles(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var (city, yy, yyJyj, st) = (await UnitAsync(test, "city"), await UnitAsync(test, "yy"), await UnitAsync(test, "yy-jyj"), await UnitAsync(test, "st"));
        await AddAsync(test, Item(yyJyj, "通知", test.Today().AddDays(-1)));
        var district = new StaffScope("a", "映月区信息发布", yy.Path, new HashSet<string> { StaffRole.CatalogEditor });
        Assert.Equal(App.OutcomeKind.Denied, (await RunAsync(test, city, district)).Kind);
        Assert.Equal(App.OutcomeKind.Denied, (await RunAsync(test, st, district)).Kind);
        var applications = district with { Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };
        Assert.Equal(App.OutcomeKind.Denied, (await RunAsync(test, yy, applications)).Kind);
        var supervisor = district with { Roles = new HashSet<string> { StaffRole.Supervisor } };
        var runs = await RunAsync(test, yy, supervisor, subtree: true);
        Assert.True(runs.Succeeded);
        // The district itself, then the units below it that have something to check (only its education bureau publishes).
        Assert.Equal([yy.Id, yyJyj.Id], runs.Value!.Select(r => r.Run.UnitId));
    }

    [Fact]
    public async Task 国办秘函2019_19号_gongkai_site_check_prints_the_veto_table_and_json_and_exits_1_on_a_failed_veto()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // The command line reads the real clock: dates relative to today, with margins far from the 14-day line.
        var today = DateTime.UtcNow.AddHours(8);
        var (city, fgw) = (await UnitAsync(test, "city"), await UnitAsync(test, "fgw"));
        await AddAsync(test, Mailbox(city, "市长信箱"),
            Column(city, "青岚要闻", UpdateClass.News, DateOnly.FromDateTime(today).AddDays(-21), home: true));

        var text = await CliRun.RunAsync(test, "site", "check", "--unit", SeedDemoData.CodeOf("city"));
        Assert.True(text.ExitCode == 1, text.Error + text.Out);
        Assert.Contains("✗ 首页不更新（青岚市人民政府）", text.Out);
        Assert.Contains("✓ 互动回应差（青岚市人民政府）", text.Out);
        Assert.Contains("结果：不合格（单项否决）", text.Out);
        Assert.True(text.Out.IndexOf("[否决] 首页超过 2 周未更新", StringComparison.Ordinal) < text.Out.IndexOf("[扣分]", StringComparison.Ordinal), text.Out);

        var json = await CliRun.RunAsync(test, "site", "check", "--unit", SeedDemoData.CodeOf("city"), "--format", "json");
        Assert.Equal(1, json.ExitCode);
        var root = JsonDocument.Parse(json.Out).RootElement;
        var homepage = root.GetProperty("veto").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == "homepageNotUpdated");
        Assert.False(homepage.GetProperty("passed").GetBoolean());
        Assert.Contains("青岚要闻", homepage.GetProperty("evidence")[0].GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.True(root.GetProperty("score").GetInt32() <= 100);
        Assert.Equal("homepage.stale", root.GetProperty("findings")[0].GetProperty("rule").GetString());

        // A unit with nothing wrong under the city's mailbox: every veto passes, exit 0.
        var clean = await CliRun.RunAsync(test, "site", "check", "--unit", SeedDemoData.CodeOf("fgw"), "--format", "json");
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Error);
        Assert.All(JsonDocument.Parse(clean.Out).RootElement.GetProperty("veto").EnumerateArray(), v => Assert.True(v.GetProperty("passed").GetBoolean()));

        // Every top unit's subtree: an array, one report per unit that has something to check.
        await AddAsync(test, Item(await UnitAsync(test, "jyj"), "关于招生的通知", DateOnly.FromDateTime(today).AddDays(-3)));
        var all = await CliRun.RunAsync(test, "site", "check", "--format", "json");
        Assert.Equal(1, all.ExitCode);
        var units = JsonDocument.Parse(all.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("unitName").GetString()).ToList();
        Assert.Equal(["青岚市人民政府", "青岚市教育局"], units); // 市发展改革委 has nothing to check

        var unknown = await CliRun.RunAsync(test, "site", "check", "--unit", "91110000000000000X");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public void 国办秘函2019_19号_the_schedule_spreads_probes_over_the_Beijing_day_and_checks_at_the_configured_hour()
    {
        // 2025-06-16 10:20 Beijing = 02:20 UTC; 24 probes a day: the next slot is 11:00 Beijing.
        var now = new DateTime(2025, 6, 16, 2, 20, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2025, 6, 16, 3, 0, 0, DateTimeKind.Utc), global::Gongkai.Web.SiteCheckSchedule.NextProbe(now, 24));
        // 20 a day: every 72 minutes from midnight Beijing (16:00 UTC the day before): 09:36, 10:48 Beijing.
        Assert.Equal(new DateTime(2025, 6, 16, 2, 48, 0, DateTimeKind.Utc), global::Gongkai.Web.SiteCheckSchedule.NextProbe(now, 20));
        // The daily check at 02:00 Beijing has passed: tomorrow's; at 23:00 Beijing it is today's.
        Assert.Equal(new DateTime(2025, 6, 16, 18, 0, 0, DateTimeKind.Utc), global::Gongkai.Web.SiteCheckSchedule.NextCheck(now, 2));
        Assert.Equal(new DateTime(2025, 6, 16, 15, 0, 0, DateTimeKind.Utc), global::Gongkai.Web.SiteCheckSchedule.NextCheck(now, 23));
    }
}
