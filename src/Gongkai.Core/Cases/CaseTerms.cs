namespace Gongkai.Core.Cases;

/// <summary>
/// How an applicant challenged an answer (domain §4): the three groups of table 四 of the annual report
/// (国办公开办函〔2021〕30号, the same in the 2019 form).
/// </summary>
public enum CaseKind
{
    /// <summary>行政复议 — an administrative reconsideration; the unit that answered is 被申请人.</summary>
    Reconsideration,

    /// <summary>行政诉讼（未经复议直接起诉） — a suit without reconsideration first; the unit that answered is 被告.</summary>
    DirectSuit,

    /// <summary>
    /// 行政诉讼（复议后起诉） — a suit after reconsideration. Where the reconsideration body upheld the answer it is a
    /// co-defendant (共同被告, 《行政诉讼法》第二十六条第二款), which 国办公开办函〔2016〕201号 leaves out of its count.
    /// </summary>
    SuitAfterReconsideration,
}

/// <summary>Where a case stands: the four result columns of each table 四 group (its fifth column, 总计, is their sum).</summary>
public enum CaseResult
{
    /// <summary>尚未审结 — no decision yet.</summary>
    Pending,

    /// <summary>结果维持 — the answer stands: 复议维持 or 驳回复议申请; a judgment dismissing the claim (驳回诉讼请求).</summary>
    Upheld,

    /// <summary>结果纠正 — the answer is corrected: 撤销, 变更, 确认违法, 责令履行 (by the reconsideration body or the court).</summary>
    Corrected,

    /// <summary>其他结果 — anything else that ends the case: withdrawn (撤回申请、撤诉), 驳回起诉, 调解, 终止 ….</summary>
    Other,
}

/// <summary>What the recording unit is in the case.</summary>
public enum CaseParty
{
    /// <summary>原行为主体 — the unit whose answer to the application is challenged (被申请人 or 被告).</summary>
    AnsweringUnit,

    /// <summary>复议机关 — the reconsideration body, sued after its reconsideration (alone, or as 共同被告).</summary>
    ReconsiderationBody,
}

public static class CaseTerms
{
    public static string ChineseName(this CaseKind kind) => kind switch
    {
        CaseKind.Reconsideration => "行政复议",
        CaseKind.DirectSuit => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    /// <summary>The table 四 group's key, as in the report's cell keys (<c>reconsideration</c>, <c>litigation.direct</c> …).</summary>
    public static string Key(this CaseKind kind) => kind switch
    {
        CaseKind.Reconsideration => "reconsideration",
        CaseKind.DirectSuit => "litigation.direct",
        _ => "litigation.after_reconsideration",
    };

    public static bool IsSuit(this CaseKind kind) => kind != CaseKind.Reconsideration;

    /// <summary>Who decides the case: the 行政复议机关 or the court (受理法院).</summary>
    public static string ReviewingBodyName(this CaseKind kind) => kind.IsSuit() ? "受理法院" : "行政复议机关";

    public static string ChineseName(this CaseResult result) => result switch
    {
        CaseResult.Pending => "尚未审结",
        CaseResult.Upheld => "结果维持",
        CaseResult.Corrected => "结果纠正",
        _ => "其他结果",
    };

    /// <summary>The table 四 column's key within a group (<c>upheld</c>, <c>corrected</c>, <c>other</c>, <c>pending</c>).</summary>
    public static string Key(this CaseResult result) => result switch
    {
        CaseResult.Pending => "pending",
        CaseResult.Upheld => "upheld",
        CaseResult.Corrected => "corrected",
        _ => "other",
    };

    public static string ChineseName(this CaseParty party) => party switch
    {
        CaseParty.AnsweringUnit => "作出答复的机关（原行为主体）",
        _ => "行政复议机关",
    };
}
