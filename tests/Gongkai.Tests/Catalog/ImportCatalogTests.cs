using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Search;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>`gongkai catalog import`: a catalog from before Gongkai, checked whole, written whole, 索引号 kept.</summary>
public class ImportCatalogTests
{
    private static readonly DateOnly Today = new(2024, 6, 3);
    private static readonly string City = SeedDemoData.CityCode;

    private static async Task<string> FileAsync(string name, params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("gongkai-import-").FullName, name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static string Json(object row) => JsonSerializer.Serialize(row);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_valid_file_should_be_imported_whole_keeping_its_numbers_linking_its_interpretations_and_searchable(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(Today);
        var policyNumber = $"{City}/2024-00041";
        var file = await FileAsync("catalog.jsonl",
            Json(new
            {
                index_number = policyNumber,
                unit = City,
                title = "青岚市城市排水管理办法",
                body = "<p>第一条 为加强城市排水管理，制定本办法。</p>",
                formed_on = "2024-03-01",
                published_on = "2024-03-08",
                document_number = "青政规〔2024〕2号",
                theme = "城乡建设、环境保护",
                genre = "行政规范性文件",
                effective_on = "2024-04-01",
                channels = new[] { "政府公报", "政务微信" },
            }),
            "",
            Json(new Dictionary<string, string>
            {
                ["发布机构"] = "青岚市人民政府",
                ["名称"] = "《青岚市城市排水管理办法》政策解读",
                ["正文"] = "一、起草背景\n二、主要内容",
                ["成文日期"] = "2024年3月8日",
                ["发布日期"] = "2024/3/11",
                ["主题分类"] = "城乡建设、环境保护",
                ["体裁"] = "解读",
                ["解读对象"] = policyNumber,
            }));

        var run = await CliRun.RunAsync(db, "catalog", "import", file);
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Contains("已导入 2 条信息", run.Out);
        Assert.Contains("2/2", run.Error);   // the progress bar

        await using var scope = db.Scope();
        var items = await db.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking().Include(i => i.Log).OrderBy(i => i.PublishedOn).ToListAsync();
        var (policy, interpretation) = (items[0], items[1]);
        Assert.Equal(policyNumber, policy.IndexNumber);
        Assert.Equal(PublicationChannels.Website | PublicationChannels.Gazette | PublicationChannels.WeChat, policy.Channels);
        Assert.Equal($"{City}/2024-00042", interpretation.IndexNumber);   // numbered after the file's own numbers
        Assert.Equal(policy.Id, interpretation.InterpretsId);
        Assert.Equal("<p>一、起草背景</p><p>二、主要内容</p>", interpretation.Body);
        Assert.Equal((CatalogActions.Imported, "命令行导入"), (interpretation.Log.Single().Action, interpretation.Log.Single().ActorName));

        var (query, _) = SearchQuery.Parse("排水管理");
        Assert.Equal(2, (await db.Get<CatalogSearch>(scope).SearchAsync(query!, new())).Total);

        // The next publication of the unit in 2024 continues after the imported numbers.
        var next = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice());
        var reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };
        Assert.Equal($"{City}/2024-00043", (await db.Get<PublishCatalogItem>(scope).HandleAsync(new(next.Id), reviewer)).Value!.IndexNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_bad_rows_should_report_each_with_its_line_and_write_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(Today);
        var good = new { unit = City, title = "关于做好防汛工作的通知", formed_on = "2024-05-06", published_on = "2024-05-07", theme = "综合政务", genre = "通知" };
        var file = await FileAsync("catalog.csv",
            "索引号,发布机构,名称,成文日期,发布日期,主题分类,体裁,解读对象",
            $"{City}/2024-00001,{City},关于做好防汛工作的通知,2024-05-06,2024-05-07,综合政务,通知,",
            $"{City}/2024-00001,{City},关于做好抗旱工作的通知,2024-05-06,2024-05-07,综合政务,通知,",
            $",青岚市不存在局,关于开展检查的通知,2024-13-01,2024-05-07,综合政务,通知,",
            $",{City},,2024-05-06,2024-05-01,没有这类,公文,",
            $",{City},某政策解读,2024-05-06,2024-05-07,综合政务,解读,{City}/2023-09999");

        var run = await CliRun.RunAsync(db, "catalog", "import", file);
        Assert.Equal(GongkaiCli.BadInput, run.ExitCode);
        Assert.Contains("未写入任何数据", run.Error);
        Assert.Contains("第 3 行 索引号：索引号", run.Error);
        Assert.Contains("与第 2 行重复", run.Error);
        Assert.Contains("第 4 行 发布机构：发布机构“青岚市不存在局”不是已登记的单位", run.Error);
        Assert.Contains("第 4 行 成文日期：成文日期“2024-13-01”不是日期", run.Error);
        Assert.Contains("第 5 行 体裁：体裁“公文”无法识别", run.Error);
        Assert.Contains("第 5 行 发布日期：发布日期不能早于成文日期", run.Error);
        Assert.Contains("第 6 行 解读对象：所解读政策的索引号", run.Error);

        var json = await FileAsync("catalog.jsonl", Json(good), "{not json", "[1, 2]");
        var jsonRun = await CliRun.RunAsync(db, "catalog", "import", json);
        Assert.Equal(GongkaiCli.BadInput, jsonRun.ExitCode);
        Assert.Contains("第 2 行 ：不是有效的 JSON", jsonRun.Error);
        Assert.Contains("第 3 行 ：每行应是一个 JSON 对象", jsonRun.Error);

        await using var scope = db.Scope();
        Assert.Equal(0, await db.Get<GongkaiDb>(scope).CatalogItems.CountAsync());
        Assert.Equal(GongkaiCli.NotFound, (await CliRun.RunAsync(db, "catalog", "import", "/nonexistent/catalog.jsonl")).ExitCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_generated_demo_catalog_file_should_import_into_an_empty_catalog_and_the_direct_load_should_match(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(Today);
        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-demo-").FullName, "demo.jsonl");
        var generated = await CliRun.RunAsync(db, "demo", "catalog", "--items", "400", "--out", file);
        Assert.Equal(GongkaiCli.Done, generated.ExitCode);
        Assert.Equal(400, File.ReadLines(file).Count());

        var imported = await CliRun.RunAsync(db, "catalog", "import", file);
        Assert.Equal((GongkaiCli.Done, true), (imported.ExitCode, imported.Out.Contains("已导入 400 条信息")));
        await using (var scope = db.Scope())
        {
            var items = await db.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking().ToListAsync();
            Assert.Equal(400, items.Count);
            var numbers = File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("index_number").GetString()).ToHashSet();
            Assert.Equal(numbers, items.Select(i => i.IndexNumber).ToHashSet());   // every 索引号 kept
            Assert.All(items.Where(i => i.Genre == Genre.Interpretation), i => Assert.Contains(items, p => p.Id == i.InterpretsId));
        }

        // Loading straight into the database continues the counters after the imported numbers.
        var loaded = await CliRun.RunAsync(db, "demo", "catalog", "--items", "100");
        Assert.Equal(GongkaiCli.Done, loaded.ExitCode);
        await using (var scope = db.Scope())
        {
            var all = await db.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking().Select(i => i.IndexNumber).ToListAsync();
            Assert.Equal(500, all.Distinct().Count());
            var (query, _) = SearchQuery.Parse("通知");
            Assert.True((await db.Get<CatalogSearch>(scope).SearchAsync(query!, new())).Total > 0);
        }
        Assert.Equal(GongkaiCli.BadInput, (await CliRun.RunAsync(db, "demo", "catalog", "--items", "0")).ExitCode);
    }

    [Fact]
    public async Task An_import_indexed_in_partitions_on_several_threads_should_search_exactly_as_one_indexed_in_one_piece()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-demo-").FullName, "demo.jsonl");
        await using (var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite))
        {
            source.Clock.SetToday(Today);
            Assert.Equal(GongkaiCli.Done, (await CliRun.RunAsync(source, "demo", "catalog", "--items", "600", "--out", file)).ExitCode);
        }
        async Task<List<(string Hits, bool Exact, long Total)>> ImportedAndSearchedAsync(int chunk)
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Search:BulkChunk"] = $"{chunk}" });
            db.Clock.SetToday(Today);
            Assert.Equal(GongkaiCli.Done, (await CliRun.RunAsync(db, "catalog", "import", file)).ExitCode);
            await using var scope = db.Scope();
            var search = db.Get<CatalogSearch>(scope);
            var results = new List<(string, bool, long)>();
            foreach (var text in new[] { "通知", "工作", "政策解读", "\"防汛抗旱\"" })
            {
                foreach (var filter in new CatalogSearch.Filter[] { new(), new(ByDate: true), new(Genre: Genre.Notice, ByDate: true) })
                {
                    for (var page = 1; page <= 3; page++)
                    {
                        var result = await search.SearchAsync(SearchQuery.Parse(text).Query!, filter, page);
                        results.Add(($"{text} {filter} {page}: {string.Join(" ", result.Hits.Select(h => h.IndexNumber))}", result.TotalIsExact, result.Total));
                    }
                }
            }
            return results;
        }

        var whole = await ImportedAndSearchedAsync(chunk: 100_000);   // one partition: the items indexed one after another
        Assert.Contains(whole, r => r.Hits.Split(": ")[1].Split(' ').Length > 12);   // pages of hits, not only empty results
        var partitioned = await ImportedAndSearchedAsync(chunk: 7);
        Assert.Equal(whole.Select(r => r.Hits), partitioned.Select(r => r.Hits));
        // A total is estimated or exact depending on the segments read (their layout differs); exact ones must agree.
        var exact = whole.Zip(partitioned).Where(p => p.First.Exact && p.Second.Exact).ToList();
        Assert.NotEmpty(exact);
        Assert.All(exact, p => Assert.Equal(p.First.Total, p.Second.Total));
    }
}
