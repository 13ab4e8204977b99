using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.Core.Catalog;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, last: what the website self-check of 青岚市 looks at, so the scorecards show something real on
/// first start — the city's portal (this Gongkai, at the address it was started on) and the 市教育局's old 部门网站
/// (which does not answer), a week of probes of each; external columns with their newest dates entered (some stale,
/// one empty, one long stale); new-media accounts (one silent for three weeks, one closed); a lexicon of outdated
/// institution names, serious misspellings and placeholder text, and one published 工作动态 that still uses an outdated
/// name; then one check of the whole city. Adds nothing when any website exists.
/// </summary>
public sealed class SeedDemoSiteCheck(GongkaiDb db, TimeProvider clock, IConfiguration configuration,
    SaveCatalogDraft saveDraft, SubmitCatalogItem submit, PublishCatalogItem publish, RunSiteCheck runCheck)
{
    private const string Office = "办公室（演示）";

    /// <returns>How many site-check records (websites, columns, accounts, lexicon entries) were added.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Websites.AnyAsync(ct))
            return 0;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        if (!units.TryGetValue(SeedDemoData.CityCode, out var city))
            return 0;
        var unit = (string key) => units.GetValueOrDefault(SeedDemoData.CodeOf(key));
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var added = 0;

        var portal = new Website { UnitId = city.Id, Name = "青岚市人民政府门户网站", HomeUrl = PortalAddress(), SiteCode = "9901000001", CreatedAt = now };
        db.Websites.Add(portal);
        AddProbes(portal, today, failures: 2, new Random(16));
        added++;
        if (unit("jyj") is { } jyj)
        {
            // The 教育局's old site: moved without being reported, so a week of probes mostly failed (站点无法访问).
            var old = new Website { UnitId = jyj.Id, Name = "青岚市教育局网站", HomeUrl = "https://jyj.qinglan.example/", CreatedAt = now };
            db.Websites.Add(old);
            AddProbes(old, today, failures: 30, new Random(17));
            added++;
            added += Columns(jyj.Id, old.Id, old.HomeUrl, today, now,
                ("教育动态", UpdateClass.News, 23, 40, true),
                ("通知公告", UpdateClass.NoticePolicy, 200, 25, false),
                ("招生考试", UpdateClass.News, 35, 60, false),
                ("教育统计", UpdateClass.PlanStatistics, 420, 6, false),
                ("校园安全", UpdateClass.Other, null, 0, false));
            added += Accounts(jyj.Id, now,
                ("青岚教育", AccountPlatform.ShortVideo, "douyin:qinglanjy", AccountStatus.Publishing, today.AddDays(-21)),
                ("青岚招考", AccountPlatform.WeChat, "gh_qinglanzk", AccountStatus.Closed, today.AddDays(-400)));
        }
        added += Columns(city.Id, portal.Id, portal.HomeUrl, today, now,
            ("今日青岚", UpdateClass.News, 1, 500, true),
            ("部门动态", UpdateClass.News, 4, 800, true),
            ("区县动态", UpdateClass.News, 17, 300, false),
            ("人事任免", UpdateClass.Personnel, 150, 40, false),
            ("规划计划", UpdateClass.PlanStatistics, 380, 12, false),
            ("统计数据", UpdateClass.PlanStatistics, 35, 90, false),
            ("专题专栏·营商环境", UpdateClass.Other, null, 0, false));
        added += Accounts(city.Id, now,
            ("青岚发布", AccountPlatform.Weibo, "weibo.com/qinglanfabu", AccountStatus.Publishing, today.AddDays(-1)),
            ("青岚政务", AccountPlatform.WeChat, "gh_qinglanzw", AccountStatus.Publishing, today.AddDays(-5)),
            ("青岚12345", AccountPlatform.WeChat, "gh_qinglan12345", AccountStatus.ServiceOnly, null));
        foreach (var (kind, term, correction, note) in Lexicon)
        {
            db.LexiconEntries.Add(new LexiconEntry { UnitId = city.Id, Kind = kind, Term = term, Correction = correction, Note = note, CreatedAt = now, CreatedBy = Office });
            added++;
        }
        // The guides were confirmed when the units' details were last checked, two months ago — but 鹿鸣县's over a year ago (第五十三条).
        foreach (var u in await db.Units.ToListAsync(ct))
            u.GuideReviewedAt = (u.Code == SeedDemoData.CodeOf("lm") ? today.AddDays(-400) : today.AddDays(-60)).AtChinaHour(10);
        db.SiteCheckLog.Add(new SiteCheckLogEntry { UnitId = city.Id, At = now, ActorName = Office, Action = "演示数据", Subject = "网站、栏目、新媒体账号与词库" });
        await db.SaveChangesAsync(ct);

        if (unit("stj") is { } stj)
            await PublishOutdatedNameAsync(stj.Code, today, ct);
        await runCheck.HandleAsync(new RunSiteCheck.Input(city.Id, Subtree: true, "演示数据"), StaffScope.System, ct);
        return added;
    }

    /// <summary>
    /// Outdated and wrong institution names are facts of the 2018 State Council reform (《国务院机构改革方案》) and the
    /// 2019 local reforms that followed; the misspellings are of set phrases; the placeholders are text left from templates.
    /// </summary>
    private static readonly (LexiconKind Kind, string Term, string Correction, string Note)[] Lexicon =
    [
        (LexiconKind.WrongName, "国家工商行政管理总局", "国家市场监督管理总局", "2018年机构改革后不再保留"),
        (LexiconKind.WrongName, "国土资源部", "自然资源部", "2018年机构改革后不再保留"),
        (LexiconKind.WrongName, "环境保护部", "生态环境部", "2018年机构改革后不再保留"),
        (LexiconKind.WrongName, "国家卫生和计划生育委员会", "国家卫生健康委员会", "2018年机构改革后不再保留"),
        (LexiconKind.WrongName, "国家安全生产监督管理总局", "应急管理部", "2018年机构改革后不再保留"),
        (LexiconKind.WrongName, "市环保局", "市生态环境局", "青岚市2019年机构改革后的名称"),
        (LexiconKind.WrongName, "市国土局", "市自然资源和规划局", "青岚市2019年机构改革后的名称"),
        (LexiconKind.Misspelling, "两学一作", "两学一做", ""),
        (LexiconKind.Misspelling, "不忘初心、牢记使名", "不忘初心、牢记使命", ""),
        (LexiconKind.Misspelling, "社会主意核心价值观", "社会主义核心价值观", ""),
        (LexiconKind.Forbidden, "此处输入标题", "", "模板占位文字"),
        (LexiconKind.Forbidden, "测试信息请勿发布", "", "测试数据"),
    ];

    private async Task PublishOutdatedNameAsync(string unitCode, DateOnly today, CancellationToken ct)
    {
        var draft = new CatalogDraft
        {
            Title = "市生态环境局开展秋冬季大气污染防治专项执法检查",
            Summary = "通报秋冬季大气污染防治专项执法检查的开展情况。",
            Body = "<p>为做好秋冬季大气污染防治工作，近日，市环保局组织执法人员对全市重点涉气企业开展专项执法检查，" +
                   "重点检查污染防治设施运行、在线监测数据传输和扬尘管控措施落实情况。</p>" +
                   "<p>检查共出动执法人员42人次，检查企业31家，发现问题9个，均已责令限期整改。下一步，市生态环境局将持续开展" +
                   "跟踪督查，确保整改到位，推动全市空气质量持续改善。</p><p>此次检查中发现的问题及整改情况将按规定向社会公开，" +
                   "欢迎社会各界监督。对拒不整改或整改不到位的企业，将依法从严查处，并纳入企业环境信用评价。</p>",
            FormedOn = today.AddDays(-1),
            Theme = "城乡建设、环境保护",
            Genre = Genre.Other,
            Keywords = "大气污染防治 执法检查",
            Attribute = DisclosureAttribute.Proactive,
            Validity = Validity.InForce,
            Channels = PublicationChannels.Website,
        };
        var saved = await saveDraft.HandleAsync(new SaveCatalogDraft.Input(null, unitCode, draft), StaffScope.System, ct);
        if (saved.Succeeded && (await submit.HandleAsync(saved.Value!.Id, StaffScope.System, ct)).Succeeded)
            await publish.HandleAsync(new PublishCatalogItem.Input(saved.Value!.Id), StaffScope.System, ct);
    }

    /// <summary>A week of probes, 24 a day, the failing ones spread over the week (did not open within 15 s).</summary>
    private void AddProbes(Website site, DateOnly today, int failures, Random random)
    {
        const int perDay = 24;
        var probes = SiteCheckRules.MonitorDays * perDay;
        var failing = Enumerable.Range(0, probes).OrderBy(_ => random.Next()).Take(failures).ToHashSet();
        for (var n = 0; n < probes; n++)
        {
            var day = today.AddDays(-SiteCheckRules.MonitorDays + n / perDay);
            var at = day.AtChinaHour(n % perDay).AddMinutes(random.Next(60));
            var ok = !failing.Contains(n);
            db.SiteProbes.Add(new SiteProbe
            {
                WebsiteId = site.Id, At = at, Ok = ok, Milliseconds = ok ? 120 + random.Next(600) : 15000,
                Status = ok ? 200 : null, Error = ok ? "" : "15 秒内未打开",
            });
        }
    }

    private int Columns(Guid unitId, Guid websiteId, string home, DateOnly today, DateTime now,
        params (string Name, UpdateClass Class, int? DaysAgo, int Items, bool OnHomepage)[] columns)
    {
        foreach (var (name, cls, daysAgo, items, onHomepage) in columns)
            db.SiteColumns.Add(new SiteColumn
            {
                UnitId = unitId, WebsiteId = websiteId, Name = name, Source = ColumnSource.External, Url = home.TrimEnd('/') + "/",
                DateSource = DateSource.Entered, UpdateClass = cls, TopLevel = true, NeedsUpdates = true, OnHomepage = onHomepage,
                NewestOn = daysAgo is { } d ? today.AddDays(-d) : null, ItemCount = items, ReadAt = now, CreatedAt = now, UpdatedAt = now,
            });
        return columns.Length;
    }

    private int Accounts(Guid unitId, DateTime now, params (string Name, AccountPlatform Platform, string Handle, AccountStatus Status, DateOnly? LastPost)[] accounts)
    {
        foreach (var (name, platform, handle, status, lastPost) in accounts)
            db.NewMediaAccounts.Add(new NewMediaAccount
            {
                UnitId = unitId, Name = name, Platform = platform, Handle = handle, Status = status, LastPostOn = lastPost,
                ClosedOn = status == AccountStatus.Closed ? lastPost?.AddDays(30) : null, CreatedAt = now, UpdatedAt = now,
            });
        return accounts.Length;
    }

    /// <summary>The portal's own address: <c>Site:PublicUrl</c> when set, else the first of <c>urls</c> (a wildcard host read as localhost), else the README's default.</summary>
    private string PortalAddress()
    {
        if (Uri.TryCreate(configuration["Site:PublicUrl"], UriKind.Absolute, out var configured))
            return configured.GetLeftPart(UriPartial.Authority) + "/";
        var first = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null)
            return "http://localhost:5000/";
        var address = first.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) + "/" : "http://localhost:5000/";
    }
}
