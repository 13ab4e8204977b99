using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Letters;

/// <summary>来信统计 in the office: figures by mailbox, each a link to the letters it counts, and the same table as XLSX.</summary>
public class OfficeLetterStatsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_figure_should_link_to_as_many_letters_as_it_counts_and_the_workbook_should_hold_the_same_table(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "city", "市长信箱");
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "zjj", "住建局局长信箱");
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        var first = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 2));
        await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 3), OfficeLetterBuilder.Request("公交线路调整建议", "建议增开至高铁站的夜班公交线路，方便晚到旅客出行。", LetterType.Suggestion));
        var spam = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 4), OfficeLetterBuilder.Request("推广", "本公司专业代办各类证件，价格优惠欢迎来电咨询办理。", LetterType.Other));
        await OfficeLetterBuilder.WriteAsync(app.Database, "zjj", new DateOnly(2026, 4, 7), OfficeLetterBuilder.Request("物业维修基金使用", "请问老旧小区电梯更换能否使用物业专项维修资金，需要什么程序？", LetterType.Consultation));
        await using (var scope = app.Database.Scope())
        {
            var outcome = await app.Database.Get<App.Letters.RecordLetterStep>(scope).HandleAsync(
                new(spam.Id, LetterEventKind.Rejected, InvalidReason: InvalidReason.Advertising), App.Accounts.StaffScope.System);
            Assert.True(outcome.Succeeded);
        }
        await OfficeLetterBuilder.StepAsync(app.Database, first.Id, LetterEventKind.Accepted);
        var client = await app.SignedInAsync("city-letters");
        var url = $"/office/letters/stats?unit={SeedDemoData.CityCode}&year=2026&by=mailbox";

        var page = await client.GetPageAsync(url);
        var row = page.QuerySelectorAll("table.letter-stats tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "市长信箱");
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["3", "1", "1"], cells.Take(3));   // 收到、有效、无效
        var total = page.QuerySelectorAll("table.letter-stats tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "合计");
        Assert.Equal("4", total.QuerySelector("td")!.TextContent.Trim());
        var siteReport = page.QuerySelectorAll("table.site-report tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "住建局局长信箱");
        Assert.Equal("1", siteReport.QuerySelector("td")!.TextContent.Trim());   // 收到留言数量

        foreach (var (index, expected) in new[] { (0, 3), (2, 1) })
        {
            var link = row.QuerySelectorAll("td a")[index].GetAttribute("href")!;
            var drill = await client.GetPageAsync(link);
            Assert.Equal(expected.ToString(), drill.QuerySelector(".drill-count")!.TextContent);
            Assert.Equal(expected, drill.QuerySelectorAll("table tbody tr").Length);
        }

        var xlsx = await client.GetAsync(url + "&handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheets = book.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["来信统计", "网站年度报表·互动交流"], sheets);
        var first_sheet = (WorksheetPart)book.WorkbookPart.GetPartById(book.WorkbookPart.Workbook.Descendants<Sheet>().First().Id!);
        var rows = first_sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        var mayor = rows.Single(r => r[0] == "市长信箱");
        Assert.Equal(["3", "1", "1"], mayor.Skip(1).Take(3));
        Assert.Equal("4", rows.Single(r => r[0] == "合计")[1]);
    }
}
