namespace Gongkai.Core.Units;

/// <summary>
/// What a unit says about itself: names, code, kind, and the contact data its 政府信息公开指南 must show.
/// 条例第十二条：「政府信息公开指南包括……政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容」.
/// </summary>
public sealed record UnitDetails
{
    public required string FullName { get; init; }
    public required string ShortName { get; init; }
    public required string Code { get; init; }
    public required UnitKind Kind { get; init; }

    /// <summary>政府信息公开工作机构名称, e.g. 「青岚市人民政府办公室政务公开科」.</summary>
    public string OfficeName { get; init; } = "";
    public string OfficeAddress { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string OfficeHours { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Fax { get; init; } = "";

    /// <summary>互联网联系方式: a web address or e-mail address.</summary>
    public string WebContact { get; init; } = "";

    /// <summary>Every problem with the details, as (field, message in Chinese); empty when they can be saved.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(FullName))
            problems.Add((nameof(FullName), "请填写单位全称。"));
        else if (FullName.Trim().Length > 100)
            problems.Add((nameof(FullName), "单位全称不能超过 100 个字。"));
        if (string.IsNullOrWhiteSpace(ShortName))
            problems.Add((nameof(ShortName), "请填写单位简称。"));
        else if (ShortName.Trim().Length > 30)
            problems.Add((nameof(ShortName), "单位简称不能超过 30 个字。"));
        if (!OrganisationCode.TryParse(Code, out _, out var codeError))
            problems.Add((nameof(Code), codeError!));
        if (!Enum.IsDefined(Kind))
            problems.Add((nameof(Kind), "单位类型无效。"));
        foreach (var (field, value, label) in new[] { (nameof(Phone), Phone, "联系电话"), (nameof(Fax), Fax, "传真号码") })
        {
            if (!string.IsNullOrWhiteSpace(value) && !LooksLikePhoneNumber(value))
                problems.Add((field, $"{label}“{value}”格式不正确，只能包含数字、空格、“-”、括号和“转”。"));
        }
        if (!string.IsNullOrWhiteSpace(PostalCode) && !(PostalCode.Trim().Length == 6 && PostalCode.Trim().All(char.IsAsciiDigit)))
            problems.Add((nameof(PostalCode), "邮政编码应为 6 位数字。"));
        return problems;
    }

    private static bool LooksLikePhoneNumber(string value) =>
        value.Trim().Length <= 40 && value.Any(char.IsAsciiDigit) &&
        value.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' or '（' or '）' or '转' or '、' or '，' or ',');
}
