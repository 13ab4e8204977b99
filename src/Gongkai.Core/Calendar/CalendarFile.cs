using System.Globalization;
using System.Text.Json;

namespace Gongkai.Core.Calendar;

/// <summary>
/// Reads the calendar's JSON form: <c>{"years": {"2027": {"holidays": ["2027-01-01", …], "workdays": [ … ]}}}</c>,
/// the form of the bundled cn-workdays.json (2007 onward, transcribed from the State Council notices it lists under
/// "source") and of a next year's file loaded with `gongkai calendar import`. Parsing only: the text comes from the caller.
/// </summary>
public static class CalendarFile
{
    /// <returns>The years, or the problems (in Chinese) that make the text unusable; never both.</returns>
    public static (IReadOnlyList<CalendarYear> Years, IReadOnlyList<string> Problems) Parse(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            return ([], [$"不是有效的 JSON：{e.Message}"]);
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
            return ([], ["缺少 \"years\" 对象，格式应为 {\"years\": {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}}。"]);

        var result = new List<CalendarYear>();
        var problems = new List<string>();
        foreach (var entry in years.EnumerateObject())
        {
            if (!int.TryParse(entry.Name, out var year) || year < 2000 || year > 2100)
            {
                problems.Add($"“{entry.Name}”不是有效的年份。");
                continue;
            }
            var holidays = Dates(entry.Value, "holidays", year, problems);
            var workdays = Dates(entry.Value, "workdays", year, problems);
            foreach (var day in workdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
                problems.Add($"{year} 年调休上班日 {day:yyyy-MM-dd} 不是周六或周日。");
            foreach (var day in holidays.Intersect(workdays))
                problems.Add($"{year} 年 {day:yyyy-MM-dd} 既是节假日又是调休上班日。");
            result.Add(new CalendarYear(year, holidays, workdays));
        }
        if (result.Count == 0 && problems.Count == 0)
            problems.Add("文件中没有任何年份。");
        return problems.Count > 0 ? ([], problems) : (result, []);
    }

    private static List<DateOnly> Dates(JsonElement year, string name, int expectedYear, List<string> problems)
    {
        var dates = new List<DateOnly>();
        if (!year.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{expectedYear} 年缺少 \"{name}\" 数组。");
            return dates;
        }
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : item.ToString();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                problems.Add($"{expectedYear} 年 {name} 中的“{text}”不是 YYYY-MM-DD 格式的日期。");
            else if (day.Year != expectedYear)
                problems.Add($"{expectedYear} 年 {name} 中的 {text} 不属于该年。");
            else
                dates.Add(day);
        }
        return dates;
    }
}
