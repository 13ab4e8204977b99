namespace Gongkai.Core.SiteCheck;

/// <summary>
/// 严重错误 includes 「弄虚作假（如伪造发稿日期）」 (国办秘函〔2019〕19号, 单项否决): a published item whose 发布日期 cannot be
/// true — before the document was written (成文日期), or after the day of the check. Such a date is a finding for a person to
/// judge (an imported old catalog may carry a date typed wrong), never changed silently.
/// </summary>
public static class PublicationDates
{
    /// <summary>Why the dates cannot both be true, or null when they can.</summary>
    public static string? Implausible(DateOnly formedOn, DateOnly publishedOn, DateOnly today) =>
        publishedOn > today ? $"发布日期 {publishedOn:yyyy-MM-dd} 晚于检查日 {today:yyyy-MM-dd}"
        : publishedOn < formedOn ? $"发布日期 {publishedOn:yyyy-MM-dd} 早于成文日期 {formedOn:yyyy-MM-dd}"
        : null;
}
