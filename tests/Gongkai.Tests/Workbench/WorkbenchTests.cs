using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Workbench;

/// <summary>工作台: each account's counts of what needs it today, inside its subtree, each linked to a list that shows them.</summary>
public class WorkbenchTests
{
    private static readonly StaffScope Officer = StaffScope.System with { DisplayName = "办理人员", Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };

    /// <summary>Two applications to 映月区住建局: one received 2024-10-08 (due 2024-11-04), one 2024-10-15 (due 2024-11-12); today 2024-11-06.</summary>
    internal static async Task<(string Overdue, string DueSoon)> OneOverdueOneDueSoonAsync(TestDatabase db)
    {
        async Task<string> RecordAsync(DateOnly day, string what)
        {
            db.Clock.SetToday(day);
            await using var scope = db.Scope();
            var outcome = await db.Get<SubmitApplication>(scope).HandleAsync(
                new(SeedDemoData.CodeOf("yy-zjj"), ApplicationBuilder.Person(what), SubmissionChannel.InPerson, day), Officer);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
            return outcome.Value!.TrackingCode;
        }
        var overdue = await RecordAsync(new DateOnly(2024, 10, 8), "2024年本市老旧小区改造项目清单");
        var soon = await RecordAsync(new DateOnly(2024, 10, 15), "2024年映月区保障性住房分配结果");
        db.Clock.SetToday(new DateOnly(2024, 11, 6));
        return (overdue, soon);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_workbench_should_count_what_is_due_in_the_accounts_subtree_and_link_to_those_lists(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        await app.AddStaffAsync("st-officer", "st", StaffRole.ApplicationsOfficer);
        var (overdue, soon) = await OneOverdueOneDueSoonAsync(app.Database);

        var client = await app.SignedInAsync("yy-admin");
        var page = await client.GetPageAsync("/office");
        var applications = page.QuerySelector("#todo-applications")!.ParentElement!;
        Assert.Contains("1 件申请已逾期", applications.TextContent.Replace("\n", " ").Replace("  ", " "));
        var overdueLink = applications.QuerySelector("a[href='/office/applications?due=overdue']")!;
        Assert.Equal("1", overdueLink.QuerySelector(".count")!.TextContent);
        Assert.Equal("1", applications.QuerySelector("a[href='/office/applications?due=soon'] .count")!.TextContent);

        // The lists behind the counts hold those applications and no other.
        var overdueList = (await client.GetPageAsync("/office/applications?due=overdue")).QuerySelector("table tbody")!.TextContent;
        Assert.Contains(overdue, overdueList);
        Assert.DoesNotContain(soon, overdueList);
        var soonList = (await client.GetPageAsync("/office/applications?due=soon")).QuerySelector("table tbody")!.TextContent;
        Assert.Contains(soon, soonList);
        Assert.DoesNotContain(overdue, soonList);

        // An administrator also sees the catalog and last year's reports: 映月区's 6 units have published no 2023 report, all past their deadline.
        Assert.NotNull(page.QuerySelector("#todo-catalog"));
        var reports = page.QuerySelector("#todo-reports")!.ParentElement!;
        Assert.Contains("2023年度报告", reports.TextContent);
        Assert.Equal("6", reports.QuerySelector("a[href='/office/reports/status?year=2023&show=unpublished'] .count")!.TextContent);

        // 松涛区's officer has none of them, and no catalog or report counts.
        var other = await (await app.SignedInAsync("st-officer")).GetPageAsync("/office");
        Assert.Equal(["0", "0", "0"], other.QuerySelectorAll("#todo-applications ~ ul .count").Select(c => c.TextContent));
        Assert.Empty(other.QuerySelectorAll("#todo-applications ~ ul a"));
        Assert.Null(other.QuerySelector("#todo-catalog"));
        Assert.Null(other.QuerySelector("#todo-reports"));
    }
}
