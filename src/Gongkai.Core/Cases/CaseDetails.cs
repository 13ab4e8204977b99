namespace Gongkai.Core.Cases;

/// <summary>
/// What staff record about a reconsideration or a suit against their unit's answer (domain §4): its kind, the unit's
/// place in it, the case number, who decides it, when it was filed and decided, and the result.
/// </summary>
public sealed record CaseDetails
{
    public required CaseKind Kind { get; init; }
    public CaseParty Party { get; init; } = CaseParty.AnsweringUnit;

    /// <summary>案号: 「映府复〔2024〕12号」, 「（2024）青0102行初45号」.</summary>
    public required string CaseNumber { get; init; }

    /// <summary>The 行政复议机关 or the court (受理法院).</summary>
    public required string ReviewingBody { get; init; }

    /// <summary>The day the reconsideration application was accepted (受理) or the suit was filed (立案); the year-end rule counts from it.</summary>
    public required DateOnly? FiledOn { get; init; }

    /// <summary>The day of the reconsideration decision or the judgment (审结), or of the withdrawal; null while pending.</summary>
    public DateOnly? DecidedOn { get; init; }
    public CaseResult Result { get; init; } = CaseResult.Pending;

    /// <summary>For a suit after reconsideration: the reconsideration body upheld the answer and is a co-defendant (共同被告).</summary>
    public bool ReconsiderationBodyIsCoDefendant { get; init; }
    public string Note { get; init; } = "";

    public const int MaxCaseNumber = 50;
    public const int MaxReviewingBody = 100;
    public const int MaxNote = 2000;

    /// <summary>The day the 条例 (2008) came into force; no disclosure case is older.</summary>
    public static readonly DateOnly Earliest = new(2008, 5, 1);

    /// <summary>Every problem as (field, message in Chinese); empty when the case can be saved.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems(DateOnly today)
    {
        var problems = new List<(string, string)>();
        void Need(bool ok, string field, string message)
        {
            if (!ok)
                problems.Add((field, message));
        }
        Need(Enum.IsDefined(Kind), nameof(Kind), "请选择案件类型（行政复议、直接起诉或复议后起诉）。");
        Need(Enum.IsDefined(Party), nameof(Party), "请选择本机关在案件中的身份。");
        Need(Party != CaseParty.ReconsiderationBody || Kind == CaseKind.SuitAfterReconsideration, nameof(Party),
            "行政复议机关只在复议后起诉的行政诉讼中作为被告；行政复议和直接起诉的案件由作出答复的机关登记。");
        Need(!ReconsiderationBodyIsCoDefendant || Kind == CaseKind.SuitAfterReconsideration, nameof(ReconsiderationBodyIsCoDefendant),
            "只有复议后起诉的行政诉讼才有复议机关作为共同被告。");
        Need(!string.IsNullOrWhiteSpace(CaseNumber) && CaseNumber.Trim().Length <= MaxCaseNumber, nameof(CaseNumber),
            $"请填写案号（不超过 {MaxCaseNumber} 字），如“映府复〔2024〕12号”或“（2024）青0102行初45号”。");
        var body = Enum.IsDefined(Kind) ? Kind.ReviewingBodyName() : "行政复议机关或受理法院";
        Need(!string.IsNullOrWhiteSpace(ReviewingBody) && ReviewingBody.Trim().Length <= MaxReviewingBody, nameof(ReviewingBody),
            $"请填写{body}（不超过 {MaxReviewingBody} 字）。");
        var filed = Kind.IsSuit() ? "立案日期" : "受理日期";
        if (FiledOn is not { } filedOn)
            problems.Add((nameof(FiledOn), $"请填写{filed}。"));
        else
        {
            Need(filedOn <= today, nameof(FiledOn), $"{filed}不能晚于今天。");
            Need(filedOn >= Earliest, nameof(FiledOn), $"{filed}不能早于 2008 年 5 月 1 日（《条例》施行之日）。");
        }
        Need(Enum.IsDefined(Result), nameof(Result), "请选择审理结果。");
        if (DecidedOn is { } decidedOn)
        {
            Need(Result != CaseResult.Pending, nameof(Result), "已填写审结日期，请选择审理结果（结果维持、结果纠正或其他结果）；尚未审结的案件不填审结日期。");
            Need(decidedOn <= today, nameof(DecidedOn), "审结日期不能晚于今天。");
            Need(FiledOn is null || decidedOn >= FiledOn, nameof(DecidedOn), $"审结日期不能早于{filed}。");
        }
        else
            Need(Result == CaseResult.Pending, nameof(DecidedOn), "已审结的案件请填写审结日期（复议决定或裁判作出之日）。");
        Need((Note ?? "").Trim().Length <= MaxNote, nameof(Note), $"备注不能超过 {MaxNote} 字。");
        return problems;
    }
}
