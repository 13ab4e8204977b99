using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`: the fictional jurisdiction 青岚市 (a city government, its bureaus, three districts with
/// their bureaus and towns). Names, addresses, phone numbers (area code 0000), postcodes (999xxx), web addresses
/// (.example) and region codes (99xxxx) are invented; the codes carry valid check characters. Seeding twice adds nothing.
/// </summary>
public sealed class SeedDemoData(GongkaiDb db)
{
    private sealed record DemoUnit(string Key, string? Parent, string Region, string FullName, string ShortName, UnitKind Kind, string Street);

    private static readonly DemoUnit[] Units =
    [
        new("city", null, "990100", "青岚市人民政府", "青岚市政府", UnitKind.Government, "青岚大道 1 号"),
        new("fgw", "city", "990100", "青岚市发展和改革委员会", "市发展改革委", UnitKind.Department, "青岚大道 1 号 3 号楼"),
        new("jyj", "city", "990100", "青岚市教育局", "市教育局", UnitKind.Department, "文昌路 18 号"),
        new("czj", "city", "990100", "青岚市财政局", "市财政局", UnitKind.Department, "青岚大道 1 号 5 号楼"),
        new("zrzyj", "city", "990100", "青岚市自然资源和规划局", "市自然资源规划局", UnitKind.Department, "望山路 66 号"),
        new("stj", "city", "990100", "青岚市生态环境局", "市生态环境局", UnitKind.Department, "碧水街 9 号"),
        new("zjj", "city", "990100", "青岚市住房和城乡建设局", "市住房城乡建设局", UnitKind.Department, "安居路 28 号"),
        new("wjw", "city", "990100", "青岚市卫生健康委员会", "市卫生健康委", UnitKind.Department, "仁和路 5 号"),
        new("yy", "city", "990102", "青岚市映月区人民政府", "映月区政府", UnitKind.Government, "映月路 100 号"),
        new("yy-jyj", "yy", "990102", "青岚市映月区教育局", "映月区教育局", UnitKind.Department, "映月路 120 号"),
        new("yy-czj", "yy", "990102", "青岚市映月区财政局", "映月区财政局", UnitKind.Department, "映月路 100 号 2 号楼"),
        new("yy-zjj", "yy", "990102", "青岚市映月区住房和城乡建设局", "映月区住房城乡建设局", UnitKind.Department, "新月街 7 号"),
        new("yy-xq", "yy", "990102", "青岚市映月区星桥街道办事处", "星桥街道", UnitKind.Township, "星桥路 3 号"),
        new("yy-wh", "yy", "990102", "青岚市映月区望湖街道办事处", "望湖街道", UnitKind.Township, "望湖东路 11 号"),
        new("st", "city", "990103", "青岚市松涛区人民政府", "松涛区政府", UnitKind.Government, "松涛大街 8 号"),
        new("st-jyj", "st", "990103", "青岚市松涛区教育局", "松涛区教育局", UnitKind.Department, "育才路 2 号"),
        new("st-wjj", "st", "990103", "青岚市松涛区卫生健康局", "松涛区卫生健康局", UnitKind.Department, "松涛大街 26 号"),
        new("st-zx", "st", "990103", "青岚市松涛区竹溪镇人民政府", "竹溪镇", UnitKind.Township, "竹溪镇竹溪街 1 号"),
        new("st-stjd", "st", "990103", "青岚市松涛区松涛街道办事处", "松涛街道", UnitKind.Township, "松涛大街 60 号"),
        new("lm", "city", "990121", "鹿鸣县人民政府", "鹿鸣县政府", UnitKind.Government, "鹿鸣县鹿鸣大道 1 号"),
        new("lm-czj", "lm", "990121", "鹿鸣县财政局", "鹿鸣县财政局", UnitKind.Department, "鹿鸣县鹿鸣大道 1 号 4 号楼"),
        new("lm-zrzyj", "lm", "990121", "鹿鸣县自然资源局", "鹿鸣县自然资源局", UnitKind.Department, "鹿鸣县河西路 12 号"),
        new("lm-bl", "lm", "990121", "鹿鸣县白鹭镇人民政府", "白鹭镇", UnitKind.Township, "白鹭镇白鹭街 5 号"),
        new("lm-sm", "lm", "990121", "鹿鸣县石门乡人民政府", "石门乡", UnitKind.Township, "石门乡石门村"),
    ];

    /// <summary>The keys of the demo units ("city", "jyj", "yy" …), in order.</summary>
    public static IEnumerable<string> Keys => Units.Select(u => u.Key);

    /// <summary>The demo city government's code, for tests and the README.</summary>
    public static string CityCode => CodeFor(0);

    /// <summary>The demo code of the unit with the given key (e.g. "yy" 映月区政府, "st" 松涛区政府).</summary>
    public static string CodeOf(string key) => CodeFor(Array.FindIndex(Units, u => u.Key == key));

    /// <returns>How many units were added (0 when the demo jurisdiction is already there).</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(u => u.Code == CityCode, ct))
            return 0;
        var added = new Dictionary<string, Unit>();
        for (var i = 0; i < Units.Length; i++)
        {
            var demo = Units[i];
            var parent = demo.Parent is null ? null : added[demo.Parent];
            var unit = new Unit { ParentId = parent?.Id, SortOrder = i };
            unit.Apply(Details(demo, CodeFor(i), i));
            unit.Path = UnitPath.Of(parent?.Path, unit.Id);
            db.Units.Add(unit);
            added[demo.Key] = unit;
        }
        await db.SaveChangesAsync(ct);
        return Units.Length;
    }

    private static UnitDetails Details(DemoUnit demo, string code, int i) => new()
    {
        FullName = demo.FullName,
        ShortName = demo.ShortName,
        Code = code,
        Kind = demo.Kind,
        OfficeName = demo.Kind == UnitKind.Government ? $"{demo.FullName}办公室政务公开科" : $"{demo.FullName}办公室",
        OfficeAddress = $"青岚市{demo.Street}",
        PostalCode = $"9991{i:D2}",
        OfficeHours = "工作日 上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）",
        Phone = $"0000-8812{i:D4}",
        Fax = $"0000-8813{i:D4}",
        WebContact = $"https://{demo.Key}.qinglan.example/gk",
    };

    // 统一社会信用代码 of a 机关 (登记管理部门 1 机构编制, 类别 1 机关): region + 组织机构代码 + check character.
    private static string CodeFor(int i)
    {
        var organisationBody = $"MB{990000 + i:D6}";
        var body = "11" + Units[i].Region + organisationBody + OrganisationCode.OrganisationCheckCharacter(organisationBody);
        return body + OrganisationCode.CreditCheckCharacter(body);
    }
}
