using Gongkai.Core.Privacy;
using Gongkai.Core.Units;

namespace Gongkai.Core.Applications;

/// <summary>
/// What an application must contain (条例第二十九条): 「（一）申请人的姓名或者名称、身份证明、联系方式；（二）申请公开的
/// 政府信息的名称、文号或者便于行政机关查询的其他特征性描述；（三）申请公开的政府信息的形式要求，包括获取信息的方式、途径」.
/// </summary>
public sealed record ApplicationRequest
{
    public required ApplicantKind ApplicantKind { get; init; }
    public required string ApplicantName { get; init; }
    public string ContactPerson { get; init; } = "";
    public required IdDocumentType IdType { get; init; }
    public required string IdNumber { get; init; }
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string Address { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public required string Description { get; init; }
    public InformationForm Form { get; init; }
    public DeliveryMethod Delivery { get; init; }

    public const int MaxDescription = 4000;

    public const string PhoneFormatProblem = "联系电话格式不正确：请填写手机号码或带区号的固定电话。";

    /// <summary>The e-mail address is required only when the information is to be sent by e-mail.</summary>
    public static bool NeedsEmail(DeliveryMethod delivery) => delivery == DeliveryMethod.Email;

    /// <summary>The postal address is required only when the information is to be posted.</summary>
    public static bool NeedsAddress(DeliveryMethod delivery) => delivery == DeliveryMethod.Post;

    /// <summary>Every problem as (field, message in Chinese); empty when the application is complete.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        void Need(bool ok, string field, string message)
        {
            if (!ok)
                problems.Add((field, message));
        }
        var organisation = ApplicantKind.IsOrganisation();
        Need(Enum.IsDefined(ApplicantKind), nameof(ApplicantKind), "请选择申请人类型。");
        Need(!string.IsNullOrWhiteSpace(ApplicantName) && ApplicantName.Trim().Length <= 100, nameof(ApplicantName),
            organisation ? "请填写法人或者其他组织的名称（不超过 100 字）。" : "请填写申请人姓名（不超过 100 字）。");
        if (organisation)
            Need(!string.IsNullOrWhiteSpace(ContactPerson), nameof(ContactPerson), "请填写联系人姓名。");
        Need(Enum.IsDefined(IdType), nameof(IdType), "请选择证件类型。");
        var idProblem = string.IsNullOrWhiteSpace(IdNumber) ? "请填写证件号码（第二十九条要求提供身份证明）。"
            : IdType == IdDocumentType.ResidentIdCard ? ResidentIdNumber.Problem(IdNumber)
            : IdType == IdDocumentType.CreditCode ? (OrganisationCode.TryParse(IdNumber, out var code, out var error) && code!.Kind == OrganisationCodeKind.CreditCode ? null : error ?? "统一社会信用代码应为 18 位。")
            : IdNumber.Trim().Length is < 4 or > 40 ? "证件号码长度不正确。" : null;
        if (idProblem is not null)
            problems.Add((nameof(IdNumber), idProblem));
        Need(organisation ? IdType is IdDocumentType.CreditCode or IdDocumentType.Other : IdType != IdDocumentType.CreditCode, nameof(IdType),
            organisation ? "法人或者其他组织请填写统一社会信用代码。" : "自然人请选择个人身份证件。");
        if (string.IsNullOrWhiteSpace(Phone))
            problems.Add((nameof(Phone), "请填写联系电话。"));
        else
            Need(PhoneNumber.LooksValid(Phone), nameof(Phone), PhoneFormatProblem);
        if (!string.IsNullOrWhiteSpace(Email))
            Need(Email.Contains('@') && Email.Trim().Length <= 100 && !Email.Trim().Contains(' '), nameof(Email), "电子邮箱格式不正确。");
        Need(!NeedsEmail(Delivery) || !string.IsNullOrWhiteSpace(Email), nameof(Email), "选择电子邮件获取时，请填写电子邮箱。");
        Need(!NeedsAddress(Delivery) || !string.IsNullOrWhiteSpace(Address), nameof(Address), "选择邮寄时，请填写通信地址。");
        if (!string.IsNullOrWhiteSpace(PostalCode))
            Need(PostalCode.Trim().Length == 6 && PostalCode.Trim().All(char.IsAsciiDigit), nameof(PostalCode), "邮政编码应为 6 位数字。");
        Need(!string.IsNullOrWhiteSpace(Description) && Description.Trim().Length >= 5, nameof(Description),
            "请描述所需政府信息的名称、文号或者便于查询的其他特征（至少 5 个字）。");
        Need((Description ?? "").Length <= MaxDescription, nameof(Description), $"所需信息描述不能超过 {MaxDescription} 字。");
        Need(Enum.IsDefined(Form), nameof(Form), "请选择信息的形式。");
        Need(Enum.IsDefined(Delivery), nameof(Delivery), "请选择获取信息的方式。");
        return problems;
    }
}
