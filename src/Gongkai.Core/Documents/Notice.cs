namespace Gongkai.Core.Documents;

/// <summary>
/// A written notice (告知书、通知书、征求意见函、答复意见书) as text: what <c>NoticeDocument</c> lays out on paper and the
/// notice page shows on screen. Applications and letters both produce them.
/// </summary>
public sealed record Notice(string Title, string DocumentNumber, string Addressee, IReadOnlyList<string> Paragraphs, string Issuer, DateOnly Date)
{
    /// <summary>A date as official documents write it: 2026年12月7日.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
