using Gongkai.Core.Letters;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Letters;

/// <summary>
/// Local practice of letters, from configuration: <c>Letters:TimeLimits:&lt;type&gt;</c> (working days, by the type's
/// Chinese name or member name: 咨询 3, 求助 3, 建议 13, 投诉 13, 其他 13, 找错 3), <c>Letters:RatingWindowDays</c>
/// (20 working days) and <c>Letters:DuplicateWindowHours</c> (72: the same text sent again within it is refused); the notification names the query page under <c>Site:PublicUrl</c>.
/// </summary>
public sealed record LetterSettings(LetterTimeLimits TimeLimits, int RatingWindowDays, TimeSpan DuplicateWindow, string PublicUrl = "")
{
    public static readonly LetterSettings Default = new(LetterTimeLimits.Default, 20, TimeSpan.FromHours(72));

    public static LetterSettings From(IConfiguration configuration)
    {
        var days = new Dictionary<LetterType, int>(LetterTimeLimits.Default.Days);
        foreach (var entry in configuration.GetSection("Letters:TimeLimits").GetChildren())
        {
            var type = LetterTerms.ParseType(entry.Key) ?? throw new InvalidOperationException(
                $"配置项 Letters:TimeLimits:{entry.Key} 有误：来信类型应为咨询、建议、投诉、求助、其他或找错。");
            days[type] = int.TryParse(entry.Value, out var n) && n is >= 1 and <= 60 ? n : throw new InvalidOperationException(
                $"配置项 Letters:TimeLimits:{entry.Key} 有误：“{entry.Value}”应为 1 至 60 之间的工作日数。");
        }
        var window = configuration.GetValue("Letters:RatingWindowDays", Default.RatingWindowDays);
        if (window is < 1 or > 120)
            throw new InvalidOperationException($"配置项 Letters:RatingWindowDays 有误：{window} 应为 1 至 120 之间的工作日数。");
        var hours = configuration.GetValue("Letters:DuplicateWindowHours", 72);
        if (hours is < 0 or > 24 * 90)
            throw new InvalidOperationException($"配置项 Letters:DuplicateWindowHours 有误：{hours}。");
        return new LetterSettings(new LetterTimeLimits(days), window, TimeSpan.FromHours(hours), configuration["Site:PublicUrl"] ?? "");
    }
}
