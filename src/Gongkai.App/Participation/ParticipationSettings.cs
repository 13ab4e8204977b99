using Gongkai.Core.Participation;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Participation;

/// <summary>
/// Local practice of participation, from configuration: <c>Participation:FeedbackDueWorkingDays</c> (20: a closed
/// solicitation without published feedback is flagged to the office and its supervisors after so many working days) and
/// <c>Participation:ResponseTargetHours:&lt;channel&gt;</c> (发布声明 5, 新闻发布会 24, others 48 hours).
/// </summary>
public sealed record ParticipationSettings(int FeedbackDueWorkingDays, ResponseTargets ResponseTargets)
{
    public static readonly ParticipationSettings Default = new(FeedbackClock.DefaultWorkingDays, ResponseTargets.Default);

    public static ParticipationSettings From(IConfiguration configuration)
    {
        var days = configuration.GetValue("Participation:FeedbackDueWorkingDays", Default.FeedbackDueWorkingDays);
        if (days is < 1 or > 120)
            throw new InvalidOperationException($"配置项 Participation:FeedbackDueWorkingDays 有误：{days} 应为 1 至 120 之间的工作日数。");
        var hours = new Dictionary<ResponseChannel, int>(ResponseTargets.Default.Hours);
        foreach (var entry in configuration.GetSection("Participation:ResponseTargetHours").GetChildren())
        {
            var channel = ResponseChannels.Parse(entry.Key) ?? throw new InvalidOperationException(
                $"配置项 Participation:ResponseTargetHours:{entry.Key} 有误：回应方式应为 {string.Join("、", Enum.GetNames<ResponseChannel>())} 之一。");
            hours[channel] = int.TryParse(entry.Value, out var h) && h is >= 1 and <= 24 * 30 ? h : throw new InvalidOperationException(
                $"配置项 Participation:ResponseTargetHours:{entry.Key} 有误：“{entry.Value}”应为 1 至 720 之间的小时数。");
        }
        return new(days, new ResponseTargets(hours));
    }
}
