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
}
