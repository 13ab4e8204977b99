using System.Text.RegularExpressions;

namespace Gongkai.Core.Catalog;

/// <summary>How the year part of an 索引号 is written.</summary>
public enum IndexYearForm
{
    /// <summary>YYYY, as the 实施指引 has it: <c>2018</c>.</summary>
    Year,

    /// <summary>YYYYMM, as some sites use: <c>201803</c>.</summary>
    YearMonth,
}

/// <summary>
/// The 索引号 (index number) of a catalog item: 「前段码/后段码」. 《政府信息公开目录系统实施指引（试行）》: 前段码 is the
/// unit's organisation code (组织机构代码, without "-"); 后段码 is the year of publication, "-", and a 5-digit serial
/// per unit and year, e.g. <c>014416330/2018-04736</c>; it 「可由计算机按信息发布的日期自动生成」. Real sites vary, so
/// every part is configurable per deployment; the defaults are the 实施指引's. A number is unique and never changes.
/// </summary>
public sealed partial record IndexNumberFormat
{
    public static readonly IndexNumberFormat Default = new();

    /// <summary>Use the 9-character 组织机构代码 inside an 18-character credit code (its characters 9–17) as the prefix.</summary>
    public bool OrganisationCodeFromCreditCode { get; init; }

    public IndexYearForm YearForm { get; init; } = IndexYearForm.Year;

    public int SerialWidth { get; init; } = 5;

    /// <summary>Between 前段码 and 后段码.</summary>
    public string PrefixSeparator { get; init; } = "/";

    /// <summary>Between the year and the serial.</summary>
    public string SerialSeparator { get; init; } = "-";

    /// <summary>Why the format cannot be used, or null.</summary>
    public string? Problem() =>
        SerialWidth is < 3 or > 9 ? "索引号流水号位数应为 3 至 9 位。"
        : PrefixSeparator.Any(char.IsLetterOrDigit) || SerialSeparator.Any(char.IsLetterOrDigit) ? "索引号分隔符不能是字母或数字。"
        : null;

    /// <summary>The 前段码 for a unit's stored organisation code (18 or 9 characters, no hyphen).</summary>
    public string Prefix(string unitCode) =>
        OrganisationCodeFromCreditCode && unitCode.Length == 18 ? unitCode[8..17] : unitCode;

    /// <summary>The counter an item publishes under: the year, or year and month.</summary>
    public int Period(DateOnly published) => YearForm == IndexYearForm.Year ? published.Year : published.Year * 100 + published.Month;

    public string Format(string unitCode, DateOnly published, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        var digits = serial.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (digits.Length > SerialWidth)
            throw new InvalidOperationException($"本期索引号流水号已用尽（{SerialWidth} 位）。");
        return $"{Prefix(unitCode)}{PrefixSeparator}{Period(published)}{SerialSeparator}{digits.PadLeft(SerialWidth, '0')}";
    }

    /// <summary>
    /// The period and serial of a number in this format for this unit (an imported one), so that the counter can be
    /// moved past it and no number is issued twice; null for a number in any other shape.
    /// </summary>
    public (int Period, int Serial)? Read(string unitCode, string number)
    {
        var head = Prefix(unitCode) + PrefixSeparator;
        if (!number.StartsWith(head, StringComparison.Ordinal))
            return null;
        var rest = number.AsSpan(head.Length);
        var split = rest.IndexOf(SerialSeparator, StringComparison.Ordinal);
        var periodLength = YearForm == IndexYearForm.Year ? 4 : 6;
        if (split != periodLength || rest.Length - split - SerialSeparator.Length is var width && (width < 1 || width > SerialWidth))
            return null;
        return int.TryParse(rest[..split], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var period)
            && int.TryParse(rest[(split + SerialSeparator.Length)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var serial)
            && serial > 0 ? (period, serial) : null;
    }

    /// <summary>Whether a number already issued elsewhere (an imported catalog) has a plausible shape: kept as it is, never rewritten.</summary>
    public static bool LooksLikeIndexNumber(string? text) => text is not null && ImportedShape().IsMatch(text.Trim());

    [GeneratedRegex(@"^[0-9A-Z\-]{8,20}/[0-9]{4,6}[-_/][0-9]{3,9}$")]
    private static partial Regex ImportedShape();
}
