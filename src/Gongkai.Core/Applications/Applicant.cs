namespace Gongkai.Core.Applications;

/// <summary>Who applies: the seven columns of table 三 less 总计 (申请人情况).</summary>
public enum ApplicantKind
{
    /// <summary>自然人.</summary>
    NaturalPerson,
    /// <summary>法人或其他组织 — 商业企业.</summary>
    Commercial,
    /// <summary>法人或其他组织 — 科研机构.</summary>
    Research,
    /// <summary>法人或其他组织 — 社会公益组织.</summary>
    PublicWelfare,
    /// <summary>法人或其他组织 — 法律服务机构.</summary>
    LegalServices,
    /// <summary>法人或其他组织 — 其他.</summary>
    OtherOrganisation,
}

/// <summary>The identity document an applicant shows (条例第二十九条「身份证明」).</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证 — checked with its check digit.</summary>
    ResidentIdCard,
    /// <summary>护照.</summary>
    Passport,
    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacaoPermit,
    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit,
    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResidentCard,
    /// <summary>统一社会信用代码 (organisations).</summary>
    CreditCode,
    /// <summary>其他证件.</summary>
    Other,
}

/// <summary>How the application arrived, which decides its receipt date (条例第三十一条).</summary>
public enum SubmissionChannel
{
    /// <summary>当面提交 — received the day it is handed in.</summary>
    InPerson,
    /// <summary>邮寄（需签收） — received the day the unit signs for it.</summary>
    SignedForPost,
    /// <summary>平常信函 — received the day the unit confirms with the applicant.</summary>
    OrdinaryLetter,
    /// <summary>互联网 — received the day both sides confirm.</summary>
    Online,
    /// <summary>传真 — received the day both sides confirm.</summary>
    Fax,
}

/// <summary>The form the applicant wants the information in, and how to receive it (条例第二十九条第（三）项).</summary>
public enum InformationForm { Paper, Electronic }

public enum DeliveryMethod { PickUp, Post, Email, Online, Fax }

public static class ApplicantTerms
{
    public static string ChineseName(this ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.Commercial => "商业企业",
        ApplicantKind.Research => "科研机构",
        ApplicantKind.PublicWelfare => "社会公益组织",
        ApplicantKind.LegalServices => "法律服务机构",
        _ => "其他组织",
    };

    public static bool IsOrganisation(this ApplicantKind kind) => kind != ApplicantKind.NaturalPerson;

    public static string ChineseName(this IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => "居民身份证",
        IdDocumentType.Passport => "护照",
        IdDocumentType.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdDocumentType.ForeignPermanentResidentCard => "外国人永久居留身份证",
        IdDocumentType.CreditCode => "统一社会信用代码",
        _ => "其他证件",
    };

    public static string ChineseName(this SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "当面提交",
        SubmissionChannel.SignedForPost => "邮寄（需签收）",
        SubmissionChannel.OrdinaryLetter => "平常信函",
        SubmissionChannel.Online => "互联网",
        _ => "传真",
    };

    /// <summary>条例第三十一条: which day is the receipt date for this channel, as the form asks for it.</summary>
    public static string ReceiptDateRule(this SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "申请人提交政府信息公开申请的日期",
        SubmissionChannel.SignedForPost => "行政机关签收之日",
        SubmissionChannel.OrdinaryLetter => "行政机关与申请人确认之日（应当于收到申请的当日与申请人确认）",
        _ => "双方确认之日",
    };

    public static string ChineseName(this InformationForm form) => form == InformationForm.Paper ? "纸质" : "电子";

    public static string ChineseName(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.PickUp => "当面领取",
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Online => "网上获取",
        _ => "传真",
    };
}
