using System.Text;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.Accounts;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.SiteCheck.OfficeSiteCheckData;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// 导入词库: a UTF-8 CSV or TXT file of 类型,词语,正确写法,说明 — a good file is imported whole (terms already there are
/// updated); a file with bad lines imports nothing and names each bad line by its number.
/// </summary>
public class OfficeLexiconImportTests
{
    private static readonly string City = SeedDemoData.CityCode;

    private static async Task<Outcome<ImportLexicon.Result>> ImportAsync(TestDatabase test, string fileName, byte[] content, string role = StaffRole.CatalogReviewer)
    {
        var actor = await StaffAsync(test, "city", role);
        await using var scope = test.Scope();
        return await test.Get<ImportLexicon>(scope).HandleAsync(new(City, fileName, content), actor);
    }

    private static async Task<List<LexiconEntry>> EntriesAsync(TestDatabase test)
    {
        await using var scope = test.Scope();
        return await test.Get<GongkaiDb>(scope).LexiconEntries.OrderBy(e => e.Term).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_csv_should_import_every_line_and_update_terms_already_there(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var scope = test.Scope())
        {
            var actor = await StaffAsync(test, "city", StaffRole.CatalogEditor);
            Assert.True((await test.Get<AddLexiconEntry>(scope).HandleAsync(new(City, LexiconKind.Forbidden, "国务院总里", "", ""), actor)).Succeeded);
        }
        var csv = "\uFEFF类型,词语,正确写法,说明\n" +
                  "严重错别字,国务院总里,国务院总理,\n" +
                  "\n" +
                  "# 2019 年机构改革\n" +
                  "WrongName,青岚市国土资源局,青岚市自然资源和规划局,\"2019 年更名，见市委编办文件\"\n" +
                  "禁用词,内部资料请勿外传,,\n";
        var outcome = await ImportAsync(test, "词库.csv", Encoding.UTF8.GetBytes(csv));
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Problems));
        Assert.Equal(new ImportLexicon.Result(2, 1, 0), outcome.Value);

        var entries = await EntriesAsync(test);
        Assert.Equal(["内部资料请勿外传", "国务院总里", "青岚市国土资源局"], entries.Select(e => e.Term));
        var updated = entries.Single(e => e.Term == "国务院总里");
        Assert.Equal((LexiconKind.Misspelling, "国务院总理"), (updated.Kind, updated.Correction));
        Assert.Equal("2019 年更名，见市委编办文件", entries.Single(e => e.Term == "青岚市国土资源局").Note);

        // A tab-separated text file, without a header, imports the same way; the same file again changes nothing.
        var txt = "名称职务错误\t青岚市规划局\t青岚市自然资源和规划局\t\n";
        Assert.Equal(new ImportLexicon.Result(1, 0, 0), (await ImportAsync(test, "more.txt", Encoding.UTF8.GetBytes(txt))).Value);
        Assert.Equal(new ImportLexicon.Result(0, 0, 1), (await ImportAsync(test, "more.txt", Encoding.UTF8.GetBytes(txt))).Value);

        await using var check = test.Scope();
        var log = await test.Get<GongkaiDb>(check).SiteCheckLog.Where(e => e.Action == "导入词库").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal("新增 2 条，更新 1 条，0 条无变化", log[0].Note);
        Assert.Equal("词库.csv", log[0].Subject);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_bad_lines_should_import_nothing_and_name_each_bad_line(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var csv = "类型,词语,正确写法,说明\n" +          // 1
                  "严重错别字,国务院总里,国务院总理,\n" +  // 2 good
                  "错字,部署安排,,\n" +                    // 3 unknown kind
                  "禁用词,某,,\n" +                        // 4 one character
                  "严重错别字,按装,,\n" +                  // 5 misspelling without correction
                  "禁用词,绝密文件,,,多出的一列\n";        // 6 five columns
        var outcome = await ImportAsync(test, "词库.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([3, 4, 5, 6], outcome.Problems.Select(p => p.Line!.Value).Distinct());
        Assert.Contains(outcome.Problems, p => p.Line == 3 && p.Field == "类型" && p.Message.Contains("“错字”不是有效的类型"));
        Assert.Contains(outcome.Problems, p => p.Line == 5 && p.Field == "正确写法");
        Assert.Equal("第 3 行 类型：“错字”不是有效的类型，应为名称职务错误（WrongName）、严重错别字（Misspelling）、禁用词（Forbidden）。", outcome.Problems[0].ToString());
        Assert.Empty(await EntriesAsync(test));

        // Not UTF-8 (a GBK file saved by an old editor), the wrong kind of file, and a role without the right.
        var gbk = new byte[] { 0xD1, 0xCF, 0xD6, 0xD8, 0xB4, 0xED, 0xCE, 0xF3, 0x2C, 0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA };
        Assert.Contains("不是 UTF-8 编码", (await ImportAsync(test, "gbk.csv", gbk)).Problems.Single().Message);
        Assert.Contains(".csv 或 .txt", (await ImportAsync(test, "词库.xlsx", Encoding.UTF8.GetBytes(csv))).Problems.Single().Message);
        Assert.Equal(OutcomeKind.Denied, (await ImportAsync(test, "词库.csv", Encoding.UTF8.GetBytes("禁用词,绝密文件,,\n"), StaffRole.Supervisor)).Kind);
        Assert.Empty(await EntriesAsync(test));
    }
}
