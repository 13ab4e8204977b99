using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Core.Accounts;
using Gongkai.Core.Participation;
using Gongkai.Core.Reports;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Gongkai.Tests.Letters;
using Gongkai.Tests.Web;
using static Gongkai.Tests.Participation.ResponseRecordsTests;
using static Gongkai.Tests.Participation.ParticipationData;

namespace Gongkai.Tests.Participation;

/// <summary>
/// Counting from records (issue 15): the legacy 统计表's 二、回应解读情况 rows for the years Gongkai holds records
/// (ParticipationCounting), an entered figure standing in for its unit's count, each count traced to its records; and the
/// 解读回应 and 互动交流 sections of the 《政府网站工作年度报表》 (`gongkai site report`).
/// </summary>
public class ParticipationCountingTests
{
    private static string Cell(string row) => ReportKeys.LegacyCell(row);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_legacy_year_should_count_its_response_rows_from_records_trace_them_and_yield_to_an_entered_figure(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var db = app.Database;
        db.Clock.SetToday(new DateOnly(2018, 1, 15));
        var city = await ScopeOfAsync(db, "city");
        var jyj = await ScopeOfAsync(db, "jyj");
        var day = new DateOnly(2017, 6, 1);
        await ConferenceAsync(db, city, "city", day, principal: true, "2017年政务公开新闻发布会");
        await ConferenceAsync(db, city, "city", day.AddDays(1), principal: false, "2017年防汛新闻发布会");
        await ConferenceAsync(db, city, "city", new DateOnly(2016, 12, 30), principal: true, "上一年的发布会");
        await InterviewAsync(db, "jyj", day, principalGuest: true);
        await InterpretationAsync(db, "city", day, InterpretationForms.Text, "《2017年政务公开要点》解读");
        await ResponseAsync(db, city, "city", day, ResponseChannel.WeiboWeChat, 3, "网传停水");
        await ResponseAsync(db, city, "city", day, ResponseChannel.Statement, 3, "网传停电");
        await ResponseAsync(db, jyj, "jyj", day, ResponseChannel.PressConference, 20, "学区划分");

        await using (var scope = db.Scope())
        {
            var compiled = await db.Get<CompileReport>(scope).HandleAsync(SeedDemoData.CityCode, 2017, ReportScope.Jurisdiction);
            Assert.True(compiled.Succeeded, string.Join("; ", compiled.Problems));
            var f = compiled.Value!.Figures;
            Assert.Equal([3m, 2m, 1m, 1m, 1m, 1m, 1m, 1m], new[]
            {
                ParticipationCounting.HotTopics, ParticipationCounting.PressConferences, ParticipationCounting.PressConferencesByLeaders, ParticipationCounting.Interviews,
                ParticipationCounting.InterviewsByLeaders, ParticipationCounting.Interpretations, ParticipationCounting.WeiboWeChat, ParticipationCounting.OtherChannels,
            }.Select(k => f[Cell(k)]!.Value.Value));
        }

        await app.AddStaffAsync("city-admin", "city", StaffRole.UnitAdmin);
        var admin = await app.SignedInAsync("city-admin");
        var trace = await admin.GetPageAsync($"/office/reports/cell?unit={SeedDemoData.CityCode}&year=2017&scope=jurisdiction&key={Uri.EscapeDataString(Cell(ParticipationCounting.HotTopics))}");
        var text = trace.Body!.TextContent;
        Assert.Contains("计入此数的新闻发布会、在线访谈、回应关切记录（3 条）", text);
        Assert.Contains("网传停水", text);
        Assert.Contains("学区划分", text);
        var conferences = (await admin.GetPageAsync($"/office/reports/cell?unit={SeedDemoData.CityCode}&year=2017&scope=jurisdiction&key={Uri.EscapeDataString(Cell(ParticipationCounting.PressConferences))}")).Body!.TextContent;
        Assert.Contains("2017年防汛新闻发布会", conferences);
        Assert.DoesNotContain("上一年的发布会", conferences);

        // The city's own entered figure stands in for its count; the education bureau's record is still counted.
        await using (var scope = db.Scope())
        {
            var entered = await db.Get<SaveEnteredFigures>(scope).HandleAsync(new(SeedDemoData.CityCode, 2017, ReportScope.Unit,
                new Dictionary<string, decimal?> { [Cell(ParticipationCounting.HotTopics)] = 10 }, "原统计表"), StaffScope.System);
            Assert.True(entered.Succeeded, string.Join("; ", entered.Problems));
        }
        await using (var scope = db.Scope())
        {
            var compile = db.Get<CompileReport>(scope);
            Assert.Equal(10m, (await compile.HandleAsync(SeedDemoData.CityCode, 2017, ReportScope.Unit)).Value!.Figures[Cell(ParticipationCounting.HotTopics)]!.Value.Value);
            var whole = (await compile.HandleAsync(SeedDemoData.CityCode, 2017, ReportScope.Jurisdiction)).Value!;
            Assert.Equal(11m, whole.Figures[Cell(ParticipationCounting.HotTopics)]!.Value.Value);
            var traced = (await db.Get<TraceReportCell>(scope).HandleAsync(SeedDemoData.CityCode, 2017, ReportScope.Jurisdiction, Cell(ParticipationCounting.HotTopics))).Value!;
            Assert.Equal(["学区划分"], traced.Records.Select(r => r.Title));
            Assert.Equal(10m, Assert.Single(traced.Entries).Value);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_site_report_should_count_the_subtrees_records_of_the_year_in_json_and_docx(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2026, 1, 20));
        var yy = await ScopeOfAsync(db, "yy");
        var day = new DateOnly(2025, 5, 12);
        await InterpretationAsync(db, "yy", day, InterpretationForms.Text);
        await InterpretationAsync(db, "yy-jyj", day, InterpretationForms.Text | InterpretationForms.Video);
        await InterpretationAsync(db, "city", day, InterpretationForms.Graphics);                      // outside the subtree
        await InterpretationAsync(db, "yy", new DateOnly(2024, 12, 31), InterpretationForms.Text);     // another year
        await ResponseAsync(db, yy, "yy-jyj", day, ResponseChannel.Statement, 2);
        await ResponseAsync(db, yy, "yy", new DateOnly(2024, 6, 1), ResponseChannel.Statement, 2);
        await SolicitationAsync(db, "yy", day, ParticipationState.Concluded, comments: 3);
        await SolicitationAsync(db, "yy", day, ParticipationState.Draft, comments: 0);
        await SurveyAsync(db, "yy-jyj", day, ParticipationState.Published, answers: 2);
        await InterviewAsync(db, "yy", day, principalGuest: false, questions: 3, answered: 2);
        await InterviewAsync(db, "yy", day, principalGuest: false, questions: 4, answered: 0, state: ParticipationState.Withdrawn);
        await OfficeLetterBuilder.OpenMailboxAsync(db, "yy", "区长信箱");
        await OfficeLetterBuilder.WriteAsync(db, "yy", new DateOnly(2025, 3, 3));
        await OfficeLetterBuilder.WriteAsync(db, "yy", new DateOnly(2025, 3, 4), OfficeLetterBuilder.Request("路灯不亮", "映月路北段路灯连续一周不亮，夜间行人出行很不安全，请尽快维修。"));
        db.Clock.SetToday(new DateOnly(2026, 1, 20));

        var run = await CliRun.RunAsync(db, "site", "report", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2025", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var jd = json.GetProperty("interpretation_and_response");
        Assert.Equal((2, 1, 1, 0, 1), (jd.GetProperty("interpretations_published").GetInt32(), jd.GetProperty("interpretation_materials").GetInt32(),
            jd.GetProperty("interpretation_products").GetInt32(), jd.GetProperty("media_commentaries").GetInt32(), jd.GetProperty("responses_to_concerns").GetInt32()));
        var hd = json.GetProperty("interaction");
        Assert.Equal(2, hd.GetProperty("messages").GetProperty("received").GetInt64());
        Assert.Equal(0, hd.GetProperty("messages").GetProperty("answered").GetInt64());
        Assert.Equal(JsonValueKind.Null, hd.GetProperty("messages").GetProperty("average_working_days").ValueKind);
        Assert.Equal((2, 5, 1), (hd.GetProperty("consultations").GetProperty("held").GetInt32(), hd.GetProperty("consultations").GetProperty("opinions_received").GetInt32(),
            hd.GetProperty("consultations").GetProperty("results_published").GetInt32()));
        Assert.Equal((1, 3, 2), (hd.GetProperty("online_interviews").GetProperty("held").GetInt32(), hd.GetProperty("online_interviews").GetProperty("questions_received").GetInt32(),
            hd.GetProperty("online_interviews").GetProperty("questions_answered").GetInt32()));

        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-site-").FullName, "site.docx");
        Assert.Equal(1, (await CliRun.RunAsync(db, "site", "report", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2025", "--format", "docx")).ExitCode);
        var docx = await CliRun.RunAsync(db, "site", "report", "--unit", SeedDemoData.CodeOf("yy"), "--year", "2025", "--format", "docx", "--out", file);
        Assert.True(docx.ExitCode == 0, docx.Error);
        using var word = WordprocessingDocument.Open(file, false);
        var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => string.Join("|", r.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text))));
        Assert.Contains("解读回应|解读信息发布总数|2", text);
        Assert.Contains("征集调查|收到意见数量|5", text);
        Assert.Contains("在线访谈|答复网民提问数量|2", text);
        Assert.Contains("留言办理|收到留言数量|2", text);
        var unknown = await CliRun.RunAsync(db, "site", "report", "--unit", "000000", "--year", "2025", "--format", "json");
        Assert.NotEqual(0, unknown.ExitCode);
    }
}
