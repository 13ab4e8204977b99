using Gongkai.App.Data;
using Gongkai.App.Participation.Responses;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using static Gongkai.Tests.Participation.ParticipationData;

namespace Gongkai.Tests.Participation;

/// <summary>
/// 解读三同步 coverage (issue 15: "the office and supervisors see each unit's interpretation coverage by year"): per unit in scope,
/// the policies that must be interpreted (InterpretationRule.MustBeInterpreted) — interpreted, waived with a reason, or missing.
/// </summary>
public class InterpretationCoverageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_unit_in_scope_should_show_its_interpreted_waived_and_missing_policies_of_the_year(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var db = app.Database;
        db.Clock.SetToday(new DateOnly(2026, 1, 10));
        var day = new DateOnly(2025, 4, 1);
        var interpreted = await PolicyAsync(db, "yy", Genre.NormativeDocument, day, "映月区停车管理办法");
        await InterpretationAsync(db, "yy", day, InterpretationForms.Text | InterpretationForms.Graphics, "《映月区停车管理办法》解读", interpreted);
        await PolicyAsync(db, "yy", Genre.NormativeDocument, day, "映月区占道经营管理规定", waiver: "程序性规定，不另行解读。");
        await PolicyAsync(db, "yy", Genre.Notice, day, "映月区老旧小区改造通知", marked: true);
        await PolicyAsync(db, "yy", Genre.Notice, day, "映月区防汛通知");                                   // need not be interpreted
        await PolicyAsync(db, "yy-jyj", Genre.NormativeDocument, day, "映月区学区管理办法");
        await PolicyAsync(db, "yy", Genre.NormativeDocument, new DateOnly(2024, 4, 1), "上一年的办法");
        await PolicyAsync(db, "city", Genre.NormativeDocument, day, "市里的办法");                          // outside the district's scope

        var district = await ResponseRecordsTests.ScopeOfAsync(db, "yy", StaffRole.LettersOfficer);
        await using (var scope = db.Scope())
        {
            var report = await db.Get<InterpretationCoverage>(scope).HandleAsync(district, 2025);
            var yy = report.Units.Single(u => u.Name == "青岚市映月区人民政府");
            Assert.Equal((3, 1, 1, 1), (yy.Policies, yy.Interpreted, yy.Waived, yy.Missing));
            Assert.Equal((1, 1, 0), (yy.Forms[InterpretationForms.Text], yy.Forms[InterpretationForms.Graphics], yy.Forms[InterpretationForms.Video]));
            var jyj = report.Units.Single(u => u.Name == "青岚市映月区教育局");
            Assert.Equal((1, 0, 0, 1), (jyj.Policies, jyj.Interpreted, jyj.Waived, jyj.Missing));
            Assert.DoesNotContain(report.Policies, p => p.Title is "市里的办法" or "上一年的办法" or "映月区防汛通知");
        }

        await app.AddStaffAsync("yy-letters", "yy", StaffRole.LettersOfficer);
        var client = await app.SignedInAsync("yy-letters");
        var page = await client.GetPageAsync($"/office/participation/interpretation?year=2025&unit={App.Demo.SeedDemoData.CodeOf("yy")}&status=Missing");
        var row = page.QuerySelectorAll("table.coverage tbody tr").Single(r => r.TextContent.Contains("映月区人民政府"));
        Assert.Equal(["3", "1", "1", "1"], row.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim().Replace("未解读", "").Trim()));
        var listed = page.QuerySelector("#policies")!.ParentElement!.QuerySelector("tbody")!.TextContent;
        Assert.Contains("映月区老旧小区改造通知", listed);
        Assert.DoesNotContain("映月区停车管理办法", listed);
        Assert.DoesNotContain("映月区学区管理办法", listed);   // another unit's
    }
}
