using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Core.SiteCheck;

/// <summary>What a column's list page shows: its newest date, how many dates it shows, and whether it says it is empty.</summary>
/// <param name="Newest">The newest date shown, not after tomorrow; null when the page shows none.</param>
/// <param name="Count">The dates shown (one per item on a usual list page).</param>
/// <param name="SaysEmpty">No date, and the page says it has nothing (「暂无信息」「暂无数据」…): an empty column, not an undated one.</param>
public sealed record ListPageReading(DateOnly? Newest, int Count, bool SaysEmpty);

/// <summary>
/// Finds the dates a list page's text shows: 2024-05-06, 2024-5-6, 2024/05/06, 2024.05.06, 2024年5月6日, [2024-05-06] —
/// or, with a staff-given pattern, its matches (or their group <c>date</c>) read as one of those forms or as 20240506.
/// Only a full year, month and day counts, so a footer's 「版权所有 2019-2024」 is no item; a date after tomorrow is no
/// item either (a false date, or a time zone away), and neither is the clock some pages print (「今天是2024年5月6日 星期一」).
/// A page with no date is not fresh: 国办秘函〔2019〕19号 「未注明信息发布时间的视为不更新」.
/// </summary>
public static partial class ListPageDates
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)\s*(?:(?<s>[-/.])\s*(?<m>\d{1,2})\s*\k<s>\s*(?<d>\d{1,2})|年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日)(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Usual();

    [GeneratedRegex(@"^\s*(?<y>(?:19|20)\d\d)(?<m>\d\d)(?<d>\d\d)\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Compact();

    [GeneratedRegex(@"^\s*(?:[)\]）】]\s*)?(?:\d{1,2}:\d\d(?::\d\d)?\s*)?(?:星期|周|礼拜)[一二三四五六日天]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WeekdayAfter();

    [GeneratedRegex(@"(?:今天是|今日是|今天|现在是|当前时间)[：:\s]*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TodayBefore();

    [GeneratedRegex(@"暂无(?:相关)?(?:信息|数据|内容|记录|文章|新闻|公告|文件)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Nothing();

    /// <summary>Reads <paramref name="text"/> (the page's text, tags removed) against the day of the check.</summary>
    /// <param name="pattern">A staff-given regular expression; empty for the usual forms.</param>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression (<see cref="CheckPattern"/> says why in Chinese).</exception>
    public static ListPageReading Read(string text, DateOnly today, string? pattern = null)
    {
        text ??= "";
        var latest = today.AddDays(1);
        var dates = new List<DateOnly>();
        if (string.IsNullOrWhiteSpace(pattern))
        {
            foreach (Match m in Usual().Matches(text))
                if (Of(m) is { } d && !IsClock(text, m))
                    dates.Add(d);
        }
        else
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, Budget);
            var named = regex.GetGroupNumbers().Select(regex.GroupNameFromNumber).Contains("date");
            foreach (Match m in regex.Matches(text))
            {
                var value = named && m.Groups["date"].Success ? m.Groups["date"].Value : m.Value;
                if (Parse(value) is { } d)
                    dates.Add(d);
            }
        }
        var counted = dates.Where(d => d <= latest).ToList();
        return new ListPageReading(counted.Count > 0 ? counted.Max() : null, counted.Count, counted.Count == 0 && Nothing().IsMatch(text));
    }

    /// <summary>Why a staff-given date pattern cannot be used (in Chinese), or null when it can.</summary>
    public static string? CheckPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            return null;
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, Budget);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"日期规则不是有效的正则表达式：{e.Message}";
        }
    }

    /// <summary>One date in a usual form (or 20240506), or null.</summary>
    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var m = Usual().Match(value);
        if (m.Success)
            return Of(m);
        m = Compact().Match(value);
        return m.Success ? Of(m) : null;
    }

    private static DateOnly? Of(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>The page's own clock (「今天是2024年5月6日 星期一」), not an item's date.</summary>
    private static bool IsClock(string text, Match m)
    {
        var after = text.AsSpan(m.Index + m.Length, Math.Min(16, text.Length - m.Index - m.Length)).ToString();
        var before = text.AsSpan(Math.Max(0, m.Index - 8), Math.Min(8, m.Index)).ToString();
        return WeekdayAfter().IsMatch(after) || TodayBefore().IsMatch(before);
    }
}
