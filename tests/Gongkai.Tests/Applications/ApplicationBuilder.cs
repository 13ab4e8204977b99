using Gongkai.Core.Applications;

namespace Gongkai.Tests.Applications;

/// <summary>Test data for applications: a complete, valid request that each test changes where it matters.</summary>
public static class ApplicationBuilder
{
    /// <summary>The worked example of GB 11643-1999, not a real person's number.</summary>
    public const string SampleIdNumber = "11010519491231002X";

    public static ApplicationRequest Person(string description = "2024年本市老旧小区改造项目清单及资金安排") => new()
    {
        ApplicantKind = ApplicantKind.NaturalPerson,
        ApplicantName = "测试申请人",
        IdType = IdDocumentType.ResidentIdCard,
        IdNumber = SampleIdNumber,
        Phone = "0000-12345678",
        Email = "applicant@example.com",
        Address = "青岚市映月区测试路 1 号",
        PostalCode = "999100",
        Description = description,
        Form = InformationForm.Electronic,
        Delivery = DeliveryMethod.Email,
    };
}
