using System.Collections.Concurrent;
using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Demo;

/// <summary>The portal's first start on a new SQLite file: it says what it is doing, and the index it builds once follows later writes.</summary>
public class FirstStartTests
{
    [Fact]
    public async Task First_start_should_name_each_step_and_build_an_index_that_follows_later_publications()
    {
        var log = new InformationLog();
        await using var app = new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, schema: false),
            new Dictionary<string, string?> { ["Demo:SeedOnFirstStart"] = "true" }) { TestServices = s => s.AddSingleton<ILoggerProvider>(log) };
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        string[] steps = ["正在迁移数据库…", "数据库迁移完成", "演示数据：单位 24 个", "演示数据：依申请公开申请 ", "演示数据：主动公开信息 ", "演示数据：复议诉讼案件 ",
            "演示数据：年度报告录入数字 ", "演示数据：年度报告 ", "演示数据：来信 ", "演示数据：政民互动记录 ", "演示数据：网站自查设置 ", "正在建立检索索引…（", "检索索引已建立", "首次启动：已载入演示数据"];
        var lines = log.Lines.ToList();
        foreach (var step in steps)
            Assert.Contains(lines, l => l.Contains(step, StringComparison.Ordinal));
        Assert.Equal(steps.Select(s => lines.FindIndex(l => l.Contains(s, StringComparison.Ordinal))).Order(), steps.Select(s => lines.FindIndex(l => l.Contains(s, StringComparison.Ordinal))));

        // Built once at the end of the seed: following the seed's thousands of entries rebuilds nothing and indexes nothing again.
        var follower = app.Services.GetRequiredService<SearchFollower>();
        await follower.CatchUpAsync();
        Assert.Single(log.Lines, l => l.StartsWith("检索索引已从数据库重建", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("检索索引从数据库重建", StringComparison.Ordinal));

        // A publication after the seed is found once the follower has caught up.
        var item = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice("关于鹭洲湿地公园试运行的公告"), "city");
        await using (var scope = app.Database.Scope())
            Assert.True((await app.Database.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id),
                StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } })).Succeeded);
        // (The portal's own follower may already have applied it: only "found once caught up" is certain.)
        await follower.CatchUpAsync();
        Assert.Equal(1, (await SearchAsync(app, "鹭洲湿地")).Total);
    }

    private static async Task<CatalogSearch.Result> SearchAsync(WebApp app, string q)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (query, _) = SearchQuery.Parse(q);
        return await scope.ServiceProvider.GetRequiredService<CatalogSearch>().SearchAsync(query!, new());
    }

    /// <summary>The app's messages at Information and above, as the console shows them by default.</summary>
    private sealed class InformationLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IEnumerable<string> Lines => lines;

        public ILogger CreateLogger(string categoryName) => this;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines.Enqueue(formatter(state, exception));
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose() { }
    }
}
