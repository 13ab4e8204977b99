using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Reports;

/// <summary>The annual report compiled from applications recorded in the test (table 三, 国办公开办函〔2021〕30号 form).</summary>
public class CompileReportTests
{
    private static readonly StaffScope Officer = StaffScope.System with { DisplayName = "办理人员", Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An application received by post on <paramref name="received"/>, answered on <paramref name="answered"/> if given.</summary>
    internal static async Task ApplicationAsync(TestDatabase db, string unit, string received, string? answered = null, Outcome outcome = Outcome.Provided)
    {
        db.Clock.SetToday(D(received));
        await using var scope = db.Scope();
        var receipt = await db.Get<SubmitApplication>(scope).HandleAsync(
            new(SeedDemoData.CodeOf(unit), ApplicationBuilder.Person(), SubmissionChannel.SignedForPost, D(received)), Officer);
        Assert.True(receipt.Succeeded, string.Join("; ", receipt.Problems));
        if (answered is null)
            return;
        db.Clock.SetToday(D(answered));
        var answer = await db.Get<AnswerApplication>(scope).HandleAsync(new(receipt.Value!.Id, D(answered), outcome, "依据《条例》作出答复。", []), Officer);
        Assert.True(answer.Succeeded, string.Join("; ", answer.Problems));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_report_should_count_its_own_and_its_units_applications_by_the_dates_that_decide_each_row(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ApplicationAsync(db, "yy", "2023-12-18", "2024-01-08");                                   // 上年结转, answered in 2024
        await ApplicationAsync(db, "yy", "2024-03-04", "2024-03-20", Outcome.ThirdPartyRights);         // （三）4
        await ApplicationAsync(db, "yy-jyj", "2024-05-06", "2024-05-10", Outcome.AlreadyPublic);        // the 教育局, （一）
        await ApplicationAsync(db, "yy-jyj", "2024-12-23");                                             // 结转下年度
        await ApplicationAsync(db, "st", "2024-05-06", "2024-05-10");                                   // 松涛区: not in 映月区's report
        var staff = await Cases.CaseBuilder.StaffOfAsync(db, "yy");
        await using (var caseScope = db.Scope())   // a suit filed in 2024, still open at year end: table 四 尚未审结
        {
            var saved = await db.Get<SaveReviewCase>(caseScope).HandleAsync(new(null, SeedDemoData.CodeOf("yy"), "", Cases.CaseBuilder.Suit()), staff);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        }

        await using var scope = db.Scope();
        var compile = db.Get<CompileReport>(scope);
        var district = (await compile.HandleAsync(SeedDemoData.CodeOf("yy"), 2024, ReportScope.Jurisdiction)).Value!;
        var f = district.Figures;
        Assert.Equal(Gongkai.Core.Reports.ReportForm.Form2021, district.Form);
        Assert.Equal((3m, 1m, 3m, 1m), (f["t3.received.total"]!.Value.Value, f["t3.carried_over.total"]!.Value.Value,
            f["t3.outcomes.total.total"]!.Value.Value, f["t3.carried_forward.total"]!.Value.Value));
        Assert.Equal(2m, f["t3.outcomes.disclosed.natural_person"]!.Value.Value);
        Assert.Equal(1m, f["t3.outcomes.withheld.third_party_rights.natural_person"]!.Value.Value);
        Assert.Equal(0m, f["t3.outcomes.withheld.state_secret.total"]!.Value.Value);     // a compiled report has no blanks
        Assert.Equal((1m, 1m, 0m), (f["t4.litigation.direct.pending"]!.Value.Value, f["t4.litigation.direct.total"]!.Value.Value,
            f["t4.reconsideration.total"]!.Value.Value));
        Assert.Empty(district.Findings);                                                     // every 勾稽关系 holds, the carry-over from 2023 too

        var education = district.Units.Single(u => u.Code == SeedDemoData.CodeOf("yy-jyj")).Figures;
        Assert.Equal((2m, 1m), (education["t3.received.total"]!.Value.Value, education["t3.carried_forward.total"]!.Value.Value));
        Assert.Equal(1m, (await compile.HandleAsync(SeedDemoData.CodeOf("yy"), 2024, ReportScope.Unit)).Value!.Figures["t3.received.total"]!.Value.Value);
        Assert.False((await compile.HandleAsync(SeedDemoData.CodeOf("yy"), 2017, ReportScope.Unit)).Succeeded);   // legacy 统计表 years
    }

    [Fact]
    public async Task Report_build_should_print_the_form_tables_figures_and_findings_as_json()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ApplicationAsync(db, "yy", "2024-03-04", "2024-03-20");

        var run = await CliRun.RunAsync(db, "report", "build", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2024", "--scope", "jurisdiction", "--format", "json");
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(("2021", 2024, "jurisdiction"), (json.GetProperty("form").GetString(), json.GetProperty("year").GetInt32(), json.GetProperty("scope").GetString()));
        var table3 = json.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "t3");
        Assert.Equal("natural_person", table3.GetProperty("columns")[0].GetProperty("key").GetString());
        var received = table3.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "received");
        Assert.Equal(1, received.GetProperty("cells").GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("summary").GetProperty("applications.received").GetInt32());
        Assert.True(json.GetProperty("units").GetArrayLength() > 1);
        Assert.Equal(0, json.GetProperty("findings").GetArrayLength());
        Assert.Contains("勾稽关系检查通过", run.Error);

        Assert.Equal(GongkaiCli.BadInput, (await CliRun.RunAsync(db, "report", "build", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2024", "--format", "pdf")).ExitCode);
        Assert.Equal(GongkaiCli.BadInput, (await CliRun.RunAsync(db, "report", "build", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2024", "--format", "docx")).ExitCode);  // binary: --out needed
        var docx = Path.GetTempFileName();
        run = await CliRun.RunAsync(db, "report", "build", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2024", "--format", "docx", "--out", docx);
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
            Assert.Contains("本年新收政府信息公开申请数量", document.MainDocumentPart!.Document.Body!.InnerText);
        File.Delete(docx);
        run = await CliRun.RunAsync(db, "report", "build", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2024", "--format", "html");
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.Out);
        Assert.Contains("青岚市映月区人民政府2024年政府信息公开工作年度报告", run.Out);
        Assert.Equal(GongkaiCli.NotFound, (await CliRun.RunAsync(db, "report", "build", "--unit", "000000000", "--year", "2024", "--format", "json")).ExitCode);
    }
}
