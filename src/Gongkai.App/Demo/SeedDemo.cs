using System.Diagnostics;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.App.Demo;

/// <summary>What the demo seed added.</summary>
public sealed record DemoSeeded(int Units, int Applications, int Items, int Cases, int ReportFigures, int Reports, int Letters, int Participation, int SiteCheck)
{
    public bool Nothing => Units + Applications + Items + Cases + ReportFigures + Reports + Letters + Participation + SiteCheck == 0;
}

/// <summary>
/// The whole demo (青岚市): `gongkai demo seed` and the portal's first start run the same seeds in the same order —
/// units, applications, the catalog, the cases against refusals, the table 二 figures from other systems, the published
/// annual reports of the last two years, the mailboxes and a year of letters, two years of
/// public participation (solicitations, surveys, interviews, press conferences, responses), and what the website
/// self-check looks at, checked once. Each adds
/// nothing when its data exists. Each step says what it added and how long it took (log, Information).
/// </summary>
/// <remarks>
/// The catalog's and the letters' change-log entries carry the seed's batch. When no other process holds this
/// machine's search index (the portal's first start, before it answers; the CLI with no portal), the index is built
/// once at the end from the database, holding the batch, so no node applies those thousands of entries one by one
/// again; otherwise the portal that holds it follows them as it follows any write.
/// </remarks>
public sealed class SeedDemo(IServiceProvider services, CatalogIndex index, SearchFollower follower, ILogger<SeedDemo> logger)
{
    public async Task<DemoSeeded> HandleAsync(CancellationToken ct = default)
    {
        var batch = Guid.NewGuid();
        var units = await StepAsync<SeedDemoData>("单位", "个", s => s.HandleAsync(ct));
        var applications = await StepAsync<SeedDemoApplications>("依申请公开申请", "件", s => s.HandleAsync(ct));
        var items = await StepAsync<SeedDemoCatalog>("主动公开信息", "条", s => s.HandleAsync(origin: batch, ct: ct));
        var cases = await StepAsync<SeedDemoCases>("复议诉讼案件", "件", s => s.HandleAsync(ct));
        var figures = await StepAsync<SeedDemoReportFigures>("年度报告录入数字", "个", s => s.HandleAsync(ct));
        var reports = await StepAsync<SeedDemoReports>("年度报告", "份", s => s.HandleAsync(ct));
        var letters = await StepAsync<SeedDemoLetters>("来信", "件", s => s.HandleAsync(batch, ct));
        var participation = await StepAsync<SeedDemoParticipation>("政民互动记录", "项", s => s.HandleAsync(ct));
        var siteCheck = await StepAsync<SeedDemoSiteCheck>("网站自查设置", "项", s => s.HandleAsync(ct));
        if (items + letters > 0 && index.TryOpen())
            await BuildIndexAsync(batch, ct);
        return new(units, applications, items, cases, figures, reports, letters, participation, siteCheck);
    }

    private async Task<int> StepAsync<TSeed>(string what, string measure, Func<TSeed, Task<int>> seed) where TSeed : notnull
    {
        var watch = Stopwatch.StartNew();
        // Each step in its own scope, so its own context: one that still tracked the steps before (tens of thousands of
        // rows) made every later write look through all of them (the 199 cases and 34 reports write one by one).
        await using var scope = services.CreateAsyncScope();
        var added = await seed(scope.ServiceProvider.GetRequiredService<TSeed>());
        logger.LogInformation("演示数据：{What} {Count:N0} {Measure}（{Seconds:0.0} 秒）", what, added, measure, watch.Elapsed.TotalSeconds);
        return added;
    }

    private async Task BuildIndexAsync(Guid batch, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var total = await db.CatalogItems.CountAsync(i => i.State == CatalogState.Published, ct)
                + await db.Letters.CountAsync(l => l.Published && l.PublishedOn != null, ct);
            logger.LogInformation("正在建立检索索引…（{Total:N0} 条）", total);
        }
        await follower.RebuildAsync(new Progress(logger), hold: batch, ct: ct);
        logger.LogInformation("检索索引已建立（{Seconds:0.0} 秒）。", watch.Elapsed.TotalSeconds);
    }

    /// <summary>Says how far the build is, about every quarter (the follower reports every thousand documents).</summary>
    private sealed class Progress(ILogger logger) : IProgress<(long Done, long Total)>
    {
        private long said;

        public void Report((long Done, long Total) value)
        {
            if (value.Done >= value.Total || value.Done - said < value.Total / 4)
                return;
            said = value.Done;
            logger.LogInformation("正在建立检索索引…（{Done:N0}/{Total:N0} 条）", value.Done, value.Total);
        }
    }
}
