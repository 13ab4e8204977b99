using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Cli;
using Gongkai.Core.Applications;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Reports;

/// <summary>The compiled report as an Excel workbook: <see cref="ReportXlsx"/>, `report build --format xlsx`, and the API.</summary>
public class ReportXlsxTests
{
    private static readonly string District = SeedDemoData.CodeOf("yy");

    /// <summary>Each sheet's rows as the text of their cells, A first, after checking the workbook against the schema.</summary>
    private static Dictionary<string, List<List<string>>> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Descendants<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList());
    }

    [Fact]
    public async Task A_jurisdiction_report_should_be_written_as_the_form_tables_with_counted_cells_findings_and_units()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CompileReportTests.ApplicationAsync(db, "yy", "2024-03-04", "2024-03-20", Outcome.ThirdPartyRights);
        await CompileReportTests.ApplicationAsync(db, "yy-jyj", "2024-05-06", "2024-05-10");
        await using var scope = db.Scope();
        var report = (await db.Get<CompileReport>(scope).HandleAsync(District, 2024, ReportScope.Jurisdiction)).Value!;

        using var stream = new MemoryStream();
        ReportXlsx.Write(stream, report);
        var sheets = Read(stream);
        stream.Position = 0;
        List<string> merges;
        using (var document = SpreadsheetDocument.Open(stream, false))
            merges = [.. document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<MergeCell>()).Select(m => m.Reference!.Value!)];

        Assert.Equal(["统计表格", "勾稽关系检查", "各单位情况"], sheets.Keys);
        var tables = sheets["统计表格"];
        Assert.Equal($"{report.UnitName}2024年政府信息公开工作年度报告 统计表格", tables[0][0]);
        Assert.Contains(tables, r => r.FirstOrDefault() == "三、收到和处理政府信息公开申请情况");
        Assert.Contains(tables, r => r.Contains("申请人情况"));
        Assert.Contains(tables, r => r.Contains("法人或其他组织"));
        Assert.Contains(merges, m => m.StartsWith('C') && m.Contains(":G"));                     // 法人或其他组织 over its five
        Assert.Contains(merges, m => m.StartsWith('B') && m.Contains(":H"));                     // 申请人情况 over all seven
        var withheld = tables.FindIndex(r => r.FirstOrDefault() == "（三）不予公开");
        Assert.True(withheld > 0);
        var thirdParty = tables.Skip(withheld).First(r => r.FirstOrDefault() == "4.保护第三方合法权益");
        Assert.Equal("1", thirdParty[1]);                                            // 自然人
        Assert.Equal("2", tables.First(r => r.FirstOrDefault() == "一、本年新收政府信息公开申请数量")[^1]);   // 总计
        Assert.Equal(["通过"], sheets["勾稽关系检查"][1]);
        Assert.Contains(sheets["各单位情况"], r => r.SequenceEqual(["青岚市映月区教育局", "1", "1", "0"]));
    }

    [Fact]
    public async Task Report_build_should_write_xlsx_to_the_out_file_and_refuse_xlsx_without_one()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CompileReportTests.ApplicationAsync(db, "yy", "2024-03-04", "2024-03-20");
        var file = Path.Combine(Path.GetTempPath(), $"gongkai-report-{Guid.NewGuid():N}.xlsx");
        try
        {
            var run = await CliRun.RunAsync(db, "report", "build", "--unit", District, "--year", "2024", "--format", "xlsx", "--out", file);
            Assert.Equal(GongkaiCli.Done, run.ExitCode);
            await using var stream = File.OpenRead(file);
            Assert.Equal(["统计表格", "勾稽关系检查"], Read(stream).Keys);
        }
        finally
        {
            File.Delete(file);
        }

        var missing = await CliRun.RunAsync(db, "report", "build", "--unit", District, "--year", "2024", "--format", "xlsx");
        Assert.Equal(GongkaiCli.BadInput, missing.ExitCode);
        Assert.Contains("--out", missing.Error);
    }

    [Fact]
    public async Task The_report_api_should_return_the_workbook_to_staff_of_the_unit()
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        var url = $"/api/v1/reports/{District}/2024.xlsx?scope=jurisdiction";
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(url)).StatusCode);   // not published: the public gets nothing

        var client = await app.SignedInAsync("yy-officer");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"{District}-2024-年度报告.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(["统计表格", "勾稽关系检查", "各单位情况"], Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync())).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/reports/{SeedDemoData.CodeOf("st")}/2024.xlsx")).StatusCode);
    }
}
