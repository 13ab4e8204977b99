namespace Gongkai.Core.Applications;

/// <summary>The six kinds of answer, the rows （一）–（六） of table 三 of the annual report (国办公开办函〔2021〕30号).</summary>
public enum OutcomeCategory
{
    /// <summary>（一）予以公开.</summary>
    Disclosed,

    /// <summary>（二）部分公开 — 区分处理的，只计这一情形.</summary>
    PartiallyDisclosed,

    /// <summary>（三）不予公开.</summary>
    Withheld,

    /// <summary>（四）无法提供.</summary>
    CannotProvide,

    /// <summary>（五）不予处理.</summary>
    NotProcessed,

    /// <summary>（六）其他处理.</summary>
    Other,
}

/// <summary>Every answer an application can get (条例第三十六～三十九条), each feeding one row of table 三.</summary>
public enum Outcome
{
    /// <summary>所申请信息已主动公开，告知获取方式和途径 — 第三十六条第（一）项; row （一）.</summary>
    AlreadyPublic,
    /// <summary>予以公开，向申请人提供 — 第三十六条第（二）项; row （一）.</summary>
    Provided,
    /// <summary>部分公开（区分处理） — 第三十七条; row （二）.</summary>
    PartiallyDisclosed,
    /// <summary>不予公开：属于国家秘密 — 第十四条; row （三）1.</summary>
    StateSecret,
    /// <summary>不予公开：其他法律行政法规禁止公开 — 第十四条; row （三）2.</summary>
    ProhibitedByLaw,
    /// <summary>不予公开：危及“三安全一稳定” — 第十四条; row （三）3.</summary>
    EndangersSecurityOrStability,
    /// <summary>不予公开：保护第三方合法权益 — 第十五条; row （三）4.</summary>
    ThirdPartyRights,
    /// <summary>不予公开：属于三类内部事务信息 — 第十六条第一款; row （三）5.</summary>
    InternalAffairs,
    /// <summary>不予公开：属于四类过程性信息 — 第十六条第二款; row （三）6.</summary>
    ProcessInformation,
    /// <summary>不予公开：属于行政执法案卷 — 第十六条第二款; row （三）7.</summary>
    EnforcementCaseFile,
    /// <summary>不予公开：属于行政查询事项 — 第三十六条第（七）项; row （三）8.</summary>
    AdministrativeQuery,
    /// <summary>无法提供：本机关不掌握相关政府信息 — 第三十六条第（四）（五）项; row （四）1.</summary>
    NotHeld,
    /// <summary>无法提供：没有现成信息需要另行制作 — 第三十八条; row （四）2.</summary>
    NeedsCreation,
    /// <summary>无法提供：补正后申请内容仍不明确 — 第三十条; row （四）3.</summary>
    UnclearAfterCorrection,
    /// <summary>不予处理：信访举报投诉类申请 — 第三十九条第一款; row （五）1.</summary>
    PetitionOrComplaint,
    /// <summary>不予处理：重复申请 — 第三十六条第（六）项; row （五）2.</summary>
    RepeatedApplication,
    /// <summary>不予处理：要求提供公开出版物 — 第三十九条第二款; row （五）3.</summary>
    PublishedMaterial,
    /// <summary>不予处理：无正当理由大量反复申请 — 第三十五条; row （五）4.</summary>
    ExcessiveApplications,
    /// <summary>不予处理：要求行政机关确认或重新出具已获取信息; row （五）5.</summary>
    ConfirmOrReissue,
    /// <summary>其他处理：申请人无正当理由逾期不补正 — 第三十条「视为放弃申请」; row （六）1.</summary>
    CorrectionOverdue,
    /// <summary>其他处理：申请人逾期未按收费通知要求缴纳费用 — 国办函〔2020〕109号; row （六）2.</summary>
    FeeUnpaid,
    /// <summary>其他处理：其他; row （六）3.</summary>
    OtherHandling,
}

/// <summary>What an outcome is called, the article it rests on, and the table 三 row it counts in.</summary>
/// <param name="Row">The row as printed in table 三, e.g. 「（三）4」.</param>
/// <param name="Key">A stable key for the row, e.g. <c>withheld.third_party_rights</c>.</param>
public sealed record OutcomeInfo(Outcome Outcome, OutcomeCategory Category, string Name, string Basis, string Row, string Key);

public static class Outcomes
{
    private static readonly Dictionary<Outcome, OutcomeInfo> Table = new OutcomeInfo[]
    {
        new(Outcome.AlreadyPublic, OutcomeCategory.Disclosed, "所申请信息已主动公开", "《条例》第三十六条第（一）项", "（一）", "disclosed.already_public"),
        new(Outcome.Provided, OutcomeCategory.Disclosed, "予以公开", "《条例》第三十六条第（二）项", "（一）", "disclosed.provided"),
        new(Outcome.PartiallyDisclosed, OutcomeCategory.PartiallyDisclosed, "部分公开（区分处理）", "《条例》第三十七条", "（二）", "partially_disclosed"),
        new(Outcome.StateSecret, OutcomeCategory.Withheld, "属于国家秘密", "《条例》第十四条、第三十六条第（三）项", "（三）1", "withheld.state_secret"),
        new(Outcome.ProhibitedByLaw, OutcomeCategory.Withheld, "其他法律行政法规禁止公开", "《条例》第十四条、第三十六条第（三）项", "（三）2", "withheld.prohibited_by_law"),
        new(Outcome.EndangersSecurityOrStability, OutcomeCategory.Withheld, "危及“三安全一稳定”", "《条例》第十四条、第三十六条第（三）项", "（三）3", "withheld.security_stability"),
        new(Outcome.ThirdPartyRights, OutcomeCategory.Withheld, "保护第三方合法权益", "《条例》第十五条、第三十六条第（三）项", "（三）4", "withheld.third_party_rights"),
        new(Outcome.InternalAffairs, OutcomeCategory.Withheld, "属于三类内部事务信息", "《条例》第十六条第一款、第三十六条第（三）项", "（三）5", "withheld.internal_affairs"),
        new(Outcome.ProcessInformation, OutcomeCategory.Withheld, "属于四类过程性信息", "《条例》第十六条第二款、第三十六条第（三）项", "（三）6", "withheld.process_information"),
        new(Outcome.EnforcementCaseFile, OutcomeCategory.Withheld, "属于行政执法案卷", "《条例》第十六条第二款、第三十六条第（三）项", "（三）7", "withheld.enforcement_case_file"),
        new(Outcome.AdministrativeQuery, OutcomeCategory.Withheld, "属于行政查询事项", "《条例》第三十六条第（七）项", "（三）8", "withheld.administrative_query"),
        new(Outcome.NotHeld, OutcomeCategory.CannotProvide, "本机关不掌握相关政府信息", "《条例》第三十六条第（四）项、第（五）项", "（四）1", "cannot_provide.not_held"),
        new(Outcome.NeedsCreation, OutcomeCategory.CannotProvide, "没有现成信息需要另行制作", "《条例》第三十八条", "（四）2", "cannot_provide.needs_creation"),
        new(Outcome.UnclearAfterCorrection, OutcomeCategory.CannotProvide, "补正后申请内容仍不明确", "《条例》第三十条", "（四）3", "cannot_provide.unclear_after_correction"),
        new(Outcome.PetitionOrComplaint, OutcomeCategory.NotProcessed, "信访举报投诉类申请", "《条例》第三十九条第一款", "（五）1", "not_processed.petition"),
        new(Outcome.RepeatedApplication, OutcomeCategory.NotProcessed, "重复申请", "《条例》第三十六条第（六）项", "（五）2", "not_processed.repeated"),
        new(Outcome.PublishedMaterial, OutcomeCategory.NotProcessed, "要求提供公开出版物", "《条例》第三十九条第二款", "（五）3", "not_processed.published_material"),
        new(Outcome.ExcessiveApplications, OutcomeCategory.NotProcessed, "无正当理由大量反复申请", "《条例》第三十五条", "（五）4", "not_processed.excessive"),
        new(Outcome.ConfirmOrReissue, OutcomeCategory.NotProcessed, "要求行政机关确认或重新出具已获取信息", "《条例》第三十九条", "（五）5", "not_processed.confirm_or_reissue"),
        new(Outcome.CorrectionOverdue, OutcomeCategory.Other, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "《条例》第三十条", "（六）1", "other.correction_overdue"),
        new(Outcome.FeeUnpaid, OutcomeCategory.Other, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", "（六）2", "other.fee_unpaid"),
        new(Outcome.OtherHandling, OutcomeCategory.Other, "其他", "", "（六）3", "other.other"),
    }.ToDictionary(i => i.Outcome);

    public static OutcomeInfo Info(this Outcome outcome) => Table[outcome];

    public static IEnumerable<OutcomeInfo> All => Table.Values;

    public static string ChineseName(this OutcomeCategory category) => category switch
    {
        OutcomeCategory.Disclosed => "予以公开",
        OutcomeCategory.PartiallyDisclosed => "部分公开",
        OutcomeCategory.Withheld => "不予公开",
        OutcomeCategory.CannotProvide => "无法提供",
        OutcomeCategory.NotProcessed => "不予处理",
        _ => "其他处理",
    };

    /// <summary>Refusals must state reasons and remedies in the notice (条例第三十六条第（三）项).</summary>
    public static bool NeedsReasons(this Outcome outcome) => outcome.Info().Category is not OutcomeCategory.Disclosed;
}
