using System.Diagnostics;
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
public sealed class SeedDemo(IServiceProvider services, ILogger<SeedDemo> logger)
{
    public async Task<DemoSeeded> HandleAsync(CancellationToken ct = default)
    {
        var units = await StepAsync<SeedDemoData>("单位", "个", s => s.HandleAsync(ct));
        var applications = await StepAsync<SeedDemoApplications>("依申请公开申请", "件", s => s.HandleAsync(ct));
        var items = await StepAsync<SeedDemoCatalog>("主动公开信息", "条", s => s.HandleAsync(ct: ct));
        var cases = await StepAsync<SeedDemoCases>("复议诉讼案件", "件", s => s.HandleAsync(ct));
        var figures = await StepAsync<SeedDemoReportFigures>("年度报告录入数字", "个", s => s.HandleAsync(ct));
        var reports = await StepAsync<SeedDemoReports>("年度报告", "份", s => s.HandleAsync(ct));
        var letters = await StepAsync<SeedDemoLetters>("来信", "件", s => s.HandleAsync(ct));
        var participation = await StepAsync<SeedDemoParticipation>("政民互动记录", "项", s => s.HandleAsync(ct));
        var siteCheck = await StepAsync<SeedDemoSiteCheck>("网站自查设置", "项", s => s.HandleAsync(ct));
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
}
