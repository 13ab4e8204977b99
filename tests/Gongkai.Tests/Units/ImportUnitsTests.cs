using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Cli;
using Gongkai.Core.Units;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Units;

public class ImportUnitsTests
{
    private static string Code(string region, int serial)
    {
        var org = $"MB{serial:D6}";
        var body = "11" + region + org + OrganisationCode.OrganisationCheckCharacter(org);
        return body + OrganisationCode.CreditCheckCharacter(body);
    }

    private static async Task<string> CsvAsync(params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("gongkai-csv-").FullName, "units.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_valid_file_should_add_every_unit_under_its_parent_even_when_a_child_comes_first(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var town = Code("990104", 1);
        var district = Code("990104", 2);
        var file = await CsvAsync(
            "代码,上级代码,全称,简称,类型,联系电话",
            $"{town},{district},青岚市云岭区白云镇人民政府,白云镇,乡镇（街道）,0000-55550001",
            $"{district},{SeedDemoData.CityCode},青岚市云岭区人民政府,云岭区政府,人民政府,\"0000-55550000\"");

        var run = await CliRun.RunAsync(db, "units", "import", file);
        Assert.Equal((GongkaiCli.Done, ""), (run.ExitCode, run.Error));
        Assert.Contains("已导入 2 个单位", run.Out);

        await using var scope = db.Scope();
        var units = await db.Get<GongkaiDb>(scope).Units.ToListAsync();
        var city = units.Single(u => u.Code == SeedDemoData.CityCode);
        var imported = units.Single(u => u.Code == town);
        Assert.True(UnitPath.IsWithin(imported.Path, city.Path));
        Assert.Equal(units.Single(u => u.Code == district).Id, imported.ParentId);
        Assert.Equal(UnitKind.Township, imported.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_bad_rows_should_write_nothing_and_report_each_bad_row_by_line(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var good = Code("990105", 1);
        var file = await CsvAsync(
            "code,parent_code,full_name,short_name,kind,postal_code",
            $"{good},{SeedDemoData.CityCode},青岚市新区管委会,新区,其他,999500",
            $"123456789,{SeedDemoData.CityCode},错误代码单位,错误,政府工作部门,",
            $"{Code("990105", 2)},{Code("990105", 9)},没有上级的单位,无上级,政府工作部门,",
            $"{SeedDemoData.CodeOf("jyj")},,重复的教育局,教育局,政府工作部门,",
            $"{Code("990105", 3)},,,简称,局,99");

        var run = await CliRun.RunAsync(db, "units", "import", file);
        Assert.Equal(GongkaiCli.BadInput, run.ExitCode);
        Assert.Contains("未写入任何数据", run.Error);
        Assert.Contains("第 3 行 code", run.Error);
        Assert.Contains("第 6 行 kind", run.Error);
        Assert.Contains("第 6 行 full_name", run.Error);
        Assert.Contains("第 6 行 postal_code", run.Error);
        Assert.DoesNotContain("第 2 行", run.Error);

        // Once the row-level errors are gone, the references are checked: unknown parent and existing code.
        var second = await CliRun.RunAsync(db, "units", "import", await CsvAsync(
            "code,parent_code,full_name,short_name,kind",
            $"{good},{SeedDemoData.CityCode},青岚市新区管委会,新区,其他",
            $"{Code("990105", 2)},{Code("990105", 9)},没有上级的单位,无上级,政府工作部门",
            $"{SeedDemoData.CodeOf("jyj")},,重复的教育局,教育局,政府工作部门"));
        Assert.Contains("第 3 行 parent_code", second.Error);
        Assert.Contains("第 4 行 code：代码", second.Error);

        await using var scope = db.Scope();
        Assert.False(await db.Get<GongkaiDb>(scope).Units.AnyAsync(u => u.Code == good));
    }

    [Fact]
    public async Task A_cycle_missing_columns_or_a_missing_file_should_be_reported()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = Code("990106", 1);
        var b = Code("990106", 2);
        var cycle = await CliRun.RunAsync(db, "units", "import", await CsvAsync("code,parent_code,full_name,short_name,kind",
            $"{a},{b},甲单位,甲,其他", $"{b},{a},乙单位,乙,其他"));
        Assert.Contains("成环", cycle.Error);

        var columns = await CliRun.RunAsync(db, "units", "import", await CsvAsync("名称,代码", "x,y"));
        Assert.Contains("缺少列 full_name", columns.Error);

        var missing = await CliRun.RunAsync(db, "units", "import", "/nonexistent/units.csv");
        Assert.Equal(GongkaiCli.NotFound, missing.ExitCode);
        Assert.Contains("找不到文件", missing.Error);
    }
}
