using Gongkai.Core.Catalog;

namespace Gongkai.Core.Participation;

/// <summary>The forms a 解读 takes (offices report interpretations by form, ../shared/domain/interaction-and-sites.md §3).</summary>
[Flags]
public enum InterpretationForms
{
    None = 0,
    /// <summary>文字解读.</summary>
    Text = 1,
    /// <summary>图表图解.</summary>
    Graphics = 2,
    /// <summary>音视频.</summary>
    Video = 4,
    /// <summary>新闻发布会.</summary>
    PressConference = 8,
    /// <summary>在线访谈.</summary>
    Interview = 16,
}

/// <summary>
/// 解读三同步: an important policy and its 解读 are prepared, approved and released together. A 规章 or 行政规范性文件 — and
/// any item staff mark 需解读 — must be interpreted: it is published with its 解读 (linked both ways), or with a recorded
/// reason why not.
/// </summary>
public static class InterpretationRule
{
    public static bool MustBeInterpreted(Genre genre, bool markedNeedsInterpretation) =>
        genre is Genre.Rule or Genre.NormativeDocument || (markedNeedsInterpretation && genre != Genre.Interpretation);

    /// <summary>
    /// Why the policy may not be published now, or null: it needs a 解读 ready to go out with it (submitted for review, or
    /// already published) unless a reason is recorded.
    /// </summary>
    public static string? Refusal(Genre genre, bool marked, bool interpretationReady, string? waiverReason) =>
        !MustBeInterpreted(genre, marked) || interpretationReady || !string.IsNullOrWhiteSpace(waiverReason) ? null
            : $"{(genre.HasValidity() ? genre.ChineseName() : "标记为需解读的政策")}应与其解读同步发布（解读三同步）：请先起草解读并提交审核，发布政策时一并发布；确不需要或暂不能解读的，请填写理由。";

    public static IEnumerable<string> ChineseNames(this InterpretationForms forms)
    {
        if (forms.HasFlag(InterpretationForms.Text)) yield return "文字解读";
        if (forms.HasFlag(InterpretationForms.Graphics)) yield return "图表图解";
        if (forms.HasFlag(InterpretationForms.Video)) yield return "音视频";
        if (forms.HasFlag(InterpretationForms.PressConference)) yield return "新闻发布会";
        if (forms.HasFlag(InterpretationForms.Interview)) yield return "在线访谈";
    }

    public static readonly IReadOnlyList<InterpretationForms> EachForm =
        [InterpretationForms.Text, InterpretationForms.Graphics, InterpretationForms.Video, InterpretationForms.PressConference, InterpretationForms.Interview];
}
