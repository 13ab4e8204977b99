namespace Gongkai.Core.Participation;

/// <summary>How a concern of the public was answered (回应关切); the legacy 统计表 counts response events by channel.</summary>
public enum ResponseChannel
{
    /// <summary>发布声明/通报.</summary>
    Statement,
    /// <summary>新闻发布会.</summary>
    PressConference,
    /// <summary>接受媒体采访 (a 政府网站在线访谈 is an interview record of its own).</summary>
    Interview,
    /// <summary>政务微博/微信.</summary>
    WeiboWeChat,
    /// <summary>其他.</summary>
    Other,
}

/// <summary>
/// Response-time targets (local practice cited by offices, ../shared/domain/interaction-and-sites.md §3; configuration
/// <c>Participation:ResponseTargetHours:&lt;channel&gt;</c>): a first statement within 5 hours, a press conference within 24,
/// at most 48 hours otherwise.
/// </summary>
public sealed record ResponseTargets(IReadOnlyDictionary<ResponseChannel, int> Hours)
{
    public static readonly ResponseTargets Default = new(new Dictionary<ResponseChannel, int>
    {
        [ResponseChannel.Statement] = 5,
        [ResponseChannel.PressConference] = 24,
        [ResponseChannel.Interview] = 48,
        [ResponseChannel.WeiboWeChat] = 48,
        [ResponseChannel.Other] = 48,
    });

    public int For(ResponseChannel channel) => Hours.TryGetValue(channel, out var h) ? h : 48;

    /// <summary>Hours from when the concern arose to the response, rounded down (never negative).</summary>
    public static int HoursTaken(DateTime aroseAt, DateTime respondedAt) => Math.Max(0, (int)Math.Floor((respondedAt - aroseAt).TotalHours));

    /// <summary>Whether the response came within its channel's target (exactly on the target counts as within).</summary>
    public bool WithinTarget(ResponseChannel channel, DateTime aroseAt, DateTime respondedAt) => respondedAt - aroseAt <= TimeSpan.FromHours(For(channel));
}

public static class ResponseChannels
{
    public static string ChineseName(this ResponseChannel channel) => channel switch
    {
        ResponseChannel.Statement => "发布声明",
        ResponseChannel.PressConference => "新闻发布会",
        ResponseChannel.Interview => "接受媒体采访",
        ResponseChannel.WeiboWeChat => "政务微博/微信",
        _ => "其他",
    };

    public static ResponseChannel? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        return Enum.GetValues<ResponseChannel>().Cast<ResponseChannel?>()
            .FirstOrDefault(c => c!.Value.ChineseName() == t || c.Value.ToString().Equals(t, StringComparison.OrdinalIgnoreCase));
    }
}
