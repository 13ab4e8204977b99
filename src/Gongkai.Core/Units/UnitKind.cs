namespace Gongkai.Core.Units;

/// <summary>What kind of 行政机关 a unit is; it decides where the unit sits in the tree and which report deadline applies (条例第四十九条).</summary>
public enum UnitKind
{
    /// <summary>人民政府 — a city, district or county government (its 办公室 is the competent department, 主管部门).</summary>
    Government,

    /// <summary>政府工作部门 — a bureau or commission of a government (市直部门、区直部门).</summary>
    Department,

    /// <summary>乡镇人民政府、街道办事处 — a town government or subdistrict office.</summary>
    Township,

    /// <summary>其他 — another body that discloses under the 条例 (派出机构, 法律法规授权的组织).</summary>
    Other,
}

public static class UnitKinds
{
    public static string ChineseName(this UnitKind kind) => kind switch
    {
        UnitKind.Government => "人民政府",
        UnitKind.Department => "政府工作部门",
        UnitKind.Township => "乡镇（街道）",
        _ => "其他",
    };

    /// <summary>Reads a kind as written in a CSV file or on the command line: the Chinese name or the English member name.</summary>
    public static UnitKind? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            if (t == kind.ChineseName() || t.Equals(kind.ToString(), StringComparison.OrdinalIgnoreCase))
                return kind;
        }
        return t switch { "政府" => UnitKind.Government, "部门" => UnitKind.Department, "乡镇" or "街道" => UnitKind.Township, _ => null };
    }
}
