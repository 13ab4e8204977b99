using Gongkai.Core.Calendar;

namespace Gongkai.Core.Participation;

/// <summary>How an opinion received on a draft was treated (采纳情况).</summary>
public enum Adoption
{
    /// <summary>采纳.</summary>
    Adopted,
    /// <summary>部分采纳.</summary>
    PartlyAdopted,
    /// <summary>未采纳 — with the reason (《重大行政决策程序暂行条例》第十四条 wants reasons for what is not adopted).</summary>
    NotAdopted,
}

/// <summary>A comment as the feedback counts it: how it was treated, if recorded yet, and why.</summary>
public readonly record struct CommentFacts(Adoption? Adoption, string Reason);

/// <summary>One group of the feedback: comments treated the same way for the same reason.</summary>
public sealed record ReasonGroup(Adoption Adoption, string Reason, int Count);

/// <summary>
/// The published feedback's figures (采纳情况反馈): opinions received, adopted, partly adopted and not adopted, and the
/// reasons grouped (same treatment and the same reason, ignoring surrounding spaces), most frequent first.
/// </summary>
public sealed record FeedbackSummary(int Received, int Adopted, int PartlyAdopted, int NotAdopted, int Unrecorded, IReadOnlyList<ReasonGroup> Reasons)
{
    public static FeedbackSummary Of(IEnumerable<CommentFacts> comments)
    {
        var list = comments.ToList();
        int Count(Adoption a) => list.Count(c => c.Adoption == a);
        var reasons = list.Where(c => c.Adoption is not null && !string.IsNullOrWhiteSpace(c.Reason))
            .GroupBy(c => (Adoption: c.Adoption!.Value, Reason: c.Reason.Trim()))
            .Select(g => new ReasonGroup(g.Key.Adoption, g.Key.Reason, g.Count()))
            .OrderBy(g => g.Adoption).ThenByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal).ToList();
        return new(list.Count, Count(Adoption.Adopted), Count(Adoption.PartlyAdopted), Count(Adoption.NotAdopted),
            list.Count(c => c.Adoption is null), reasons);
    }

    /// <summary>Every comment received has its treatment recorded (the feedback may be published).</summary>
    public bool Complete => Unrecorded == 0;
}

/// <summary>
/// When a closed solicitation's feedback is due: a configurable number of working days after it closes (default 20, local
/// practice; checks look for solicitations with no published feedback, ../shared/domain/interaction-and-sites.md §2).
/// </summary>
public static class FeedbackClock
{
    public const int DefaultWorkingDays = 20;

    public static DateOnly DueOn(WorkCalendar calendar, DateOnly closesOn, int workingDays) => calendar.AddWorkingDays(closesOn, workingDays);

    /// <summary>Flag for a published solicitation without feedback: none while it is still open; due soon or overdue after it closes.</summary>
    public static DueFlag Flag(WorkCalendar calendar, DateOnly closesOn, DateOnly today, int workingDays, int soonDays = 5) =>
        today <= closesOn ? DueFlag.None : DueFlags.Of(calendar, DueOn(calendar, closesOn, workingDays), today, soonDays);

    public static string ChineseName(this Adoption adoption) => adoption switch
    {
        Adoption.Adopted => "采纳",
        Adoption.PartlyAdopted => "部分采纳",
        _ => "未采纳",
    };
}
