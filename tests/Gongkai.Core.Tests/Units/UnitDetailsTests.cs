using Gongkai.Core.Units;

namespace Gongkai.Core.Tests.Units;

/// <summary>条例第十二条: the 指南's contact data, checked before a unit is saved.</summary>
public class UnitDetailsTests
{
    private static UnitDetails Valid() => new()
    {
        FullName = "青岚市人民政府",
        ShortName = "青岚市政府",
        Code = "014416330",
        Kind = UnitKind.Government,
        Phone = "0999-12345678",
        Fax = "(0999) 1234 5679",
        PostalCode = "999001",
    };

    [Fact]
    public void Complete_details_should_have_no_problems() => Assert.Empty(Valid().Problems());

    [Fact]
    public void Each_bad_field_should_be_named_with_a_chinese_message()
    {
        var problems = (Valid() with { FullName = " ", Code = "123", Phone = "call me", PostalCode = "99" }).Problems();
        Assert.Equal(["FullName", "Code", "Phone", "PostalCode"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p.Message));
    }
}
