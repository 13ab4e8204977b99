using System.Globalization;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// A number as a report states it: 「283」 → 283; 「142.2万条」 → 1,422,000 with <see cref="Step"/> 1,000 (the last stated
/// digit, so a check allows for the rounding); 「14万余条」 → 140,000, approximate; 「近200万元」 → 200 万元, approximate.
/// </summary>
/// <param name="Step">The value of one unit in the last stated digit: 1 for 「283」, 0.01 for 「65.25」, 1,000 for 「142.2万」.</param>
/// <param name="Unit">The measure word after the number (条, 件, 万元 …), or empty.</param>
public readonly record struct StatedNumber(decimal Value, bool Approximate, decimal Step, string Unit)
{
    public Figure Figure => new(Value, Approximate);
}

/// <summary>
/// Reads the numbers of a report: Arabic digits with thousands separators and decimals, a 万/亿 multiplier, Chinese
/// numerals (「三百二十一」「两千零五」「十二」「二〇一七」), approximate markers 「余」「多」「近」「约」「左右」「上下」 (also before
/// 万 or 亿: 「20余万」) and a trailing
/// measure word. Total: anything else, or a value too large for <see cref="decimal"/>, gives null.
/// </summary>
public static class ChineseNumber
{
    /// <summary>The longest text read as one number; anything longer is not a number a report states.</summary>
    public const int MaxLength = 48;

    private static readonly string[] ApproximatePrefixes = ["大约", "将近", "接近", "超过", "约", "近", "逾"];

    private static readonly string[] ApproximateSuffixes = ["左右", "上下", "以上", "余", "多", "许"];

    /// <summary>Measure words, longest first so that 「人次」 wins over 「次」 and 「万元」 over 「元」.</summary>
    private static readonly string[] Units =
        ["万元", "亿元", "人次", "件次", "条", "件", "次", "个", "人", "名", "篇", "项", "份", "场", "期", "例", "宗", "起", "封", "元", "家", "处", "所"];

    /// <summary>
    /// A value as a report with numbers of that precision writes it: in 万 or 亿 when the report wrote 万 or 亿 (its last
    /// stated digit, <paramref name="step"/>, is a hundred or more): 978000 with step 1,000 is 「97.8万」, 30000 「3万」; else
    /// the plain number.
    /// </summary>
    public static string Show(decimal value, decimal step, bool approximate = false)
    {
        var (scale, name) = step >= 10_000_000 && Math.Abs(value) >= 100_000_000 ? (100_000_000m, "亿")
            : step >= 100 && Math.Abs(value) >= 10_000 ? (10_000m, "万") : (1m, "");
        return (approximate ? "约" : "") + (value / scale).ToString("0.####", CultureInfo.InvariantCulture) + name;
    }

    /// <summary>The number as <see cref="Show(decimal, decimal, bool)"/> writes it.</summary>
    public static string Show(StatedNumber number) => Show(number.Value, number.Step, number.Approximate);

    public static StatedNumber? Parse(string? text)
    {
        if (text is null)
            return null;
        var s = text.Trim();
        if (s.Length is 0 or > MaxLength)
            return null;
        if (s.Any(c => c >= '\uFF01' && c <= '\uFF5E'))
            s = s.Normalize(System.Text.NormalizationForm.FormKC);
        var approximate = false;
        foreach (var prefix in ApproximatePrefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                approximate = true;
                s = s[prefix.Length..];
                break;
            }
        }
        var unit = "";
        for (var round = 0; round < 2; round++)
        {
            // 「14万余条」: the unit, then the marker; 「30件左右」: the marker, then the unit.
            if (unit.Length == 0 && Units.FirstOrDefault(u => s.EndsWith(u, StringComparison.Ordinal) && s.Length > u.Length) is { } found)
            {
                unit = found;
                s = s[..^found.Length];
            }
            foreach (var suffix in ApproximateSuffixes)
            {
                if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
                {
                    approximate = true;
                    s = s[..^suffix.Length];
                    break;
                }
            }
        }
        // 「20余万条」: the marker before the multiplier.
        var marker = s.IndexOfAny(['余', '多']);
        if (marker > 0 && marker == s.Length - 2 && s[^1] is '万' or '亿' && char.IsAsciiDigit(s[marker - 1]))
        {
            approximate = true;
            s = s.Remove(marker, 1);
        }
        var parsed = ParseArabic(s) ?? ParseChinese(s);
        return parsed is { } p ? new StatedNumber(p.Value, approximate, p.Step, unit) : null;
    }

    /// <summary>「1,234」「142.2万」「3.5亿」「12千」: digits, then at most two of 十百千万亿.</summary>
    private static (decimal Value, decimal Step)? ParseArabic(string s)
    {
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is ',' or '.'))
            end++;
        if (end == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[end - 1]))
            return null;
        var digits = s[..end];
        if (digits.Contains(',') && !ValidThousands(digits))
            return null;
        digits = digits.Replace(",", "");
        var dot = digits.IndexOf('.');
        if (dot >= 0 && digits.IndexOf('.', dot + 1) >= 0)
            return null;
        if (digits.Length > 29 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return null;
        var step = dot < 0 ? 1m : Pow10(-(digits.Length - dot - 1));
        var tail = s[end..];
        if (tail.Length > 2)
            return null;
        foreach (var c in tail)
        {
            if (Multiplier(c) is not { } m || !TryMultiply(value, m, out value) || !TryMultiply(step, m, out step))
                return null;
        }
        return (value, step);
    }

    private static bool ValidThousands(string digits)
    {
        var integer = digits.Split('.')[0];
        var groups = integer.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>「三百二十一」「两千零五」「十二」「一万二千」「二〇一七」 (digits without units read positionally).</summary>
    private static (decimal Value, decimal Step)? ParseChinese(string s)
    {
        if (s.Length == 0 || s.Length > 24 || s.Any(c => Digit(c) is null && Multiplier(c) is null))
            return null;
        if (s.All(c => Digit(c) is not null))
        {
            if (s.Length > 18)
                return null;
            return (s.Aggregate(0m, (v, c) => v * 10 + Digit(c)!.Value), 1);
        }
        decimal total = 0, section = 0, digit = 0;
        var pendingDigit = false;
        var step = 1m;
        foreach (var c in s)
        {
            if (Digit(c) is { } d)
            {
                digit = d;
                pendingDigit = true;
                continue;
            }
            var m = Multiplier(c)!.Value;
            if (m < 10_000)
            {
                section += (pendingDigit ? digit : 1) * m;
                step = m;
            }
            else
            {
                var part = section + (pendingDigit ? digit : 0);
                if (part == 0 && total == 0)
                    part = 1;
                if (m == 10_000)
                {
                    if (!TryMultiply(part, m, out var scaled))
                        return null;
                    total += scaled;
                }
                else if (!TryMultiply(total + part, m, out total))
                    return null;
                section = 0;
                step = m;
            }
            digit = 0;
            pendingDigit = false;
            if (total > 1e20m)
                return null;
        }
        if (pendingDigit)
            step = 1;
        return (total + section + digit, step);
    }

    private static int? Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '貳' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => null,
    };

    private static decimal? Multiplier(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1_000,
        '万' or '萬' => 10_000,
        '亿' or '億' => 100_000_000,
        _ => null,
    };

    private static bool TryMultiply(decimal a, decimal b, out decimal result)
    {
        result = 0;
        if (Math.Abs(a) > 1 && Math.Abs(b) > decimal.MaxValue / Math.Abs(a))
            return false;
        result = a * b;
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < Math.Min(Math.Abs(exponent), 28); i++)
            value = exponent < 0 ? value / 10 : value * 10;
        return value;
    }
}
