using Gongkai.Core.Units;

namespace Gongkai.Core.Tests.Units;

/// <summary>GB 11714-1997 (组织机构代码) and GB 32100-2015 (统一社会信用代码) check characters.</summary>
public class OrganisationCodeTests
{
    [Theory]
    // 前段码 of real 索引号 quoted in domain/README.md §2.
    [InlineData("014416330", "014416330")]
    [InlineData("01424668-5", "014246685")]
    // A credit code as printed on a business licence, typed in lower case with spaces.
    [InlineData("91440300 1922038216", "914403001922038216")]
    public void Real_codes_should_parse_and_lose_hyphens_and_spaces(string typed, string stored)
    {
        Assert.True(OrganisationCode.TryParse(typed, out var code, out var error), error);
        Assert.Equal(stored, code!.Value);
    }

    [Theory]
    [InlineData("014416331", "校验码不符")]
    [InlineData("914403001922038217", "校验码不符")]
    [InlineData("91440300192203821I", "不允许的字符")]
    [InlineData("0144163", "应为 9 位")]
    [InlineData("", "请填写")]
    [InlineData("0144%6330", "只能是数字或大写字母")]
    public void Wrong_codes_should_be_refused_with_a_chinese_reason(string typed, string reason)
    {
        Assert.False(OrganisationCode.TryParse(typed, out var code, out var error));
        Assert.Null(code);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Check_character_X_should_stand_for_ten_in_an_organisation_code()
    {
        // Find a body whose GB 11714 check value is 10 and confirm it is written X and round-trips.
        var body = Enumerable.Range(0, 1000).Select(i => $"{i:D8}").First(b => OrganisationCode.OrganisationCheckCharacter(b) == 'X');
        Assert.True(OrganisationCode.TryParse(body + "X", out var code, out _));
        Assert.Equal(OrganisationCodeKind.OrganisationCode, code!.Kind);
    }

    [Fact]
    public void A_credit_code_built_from_its_check_character_should_validate()
    {
        var body = "11990100MB0012345";
        var full = body + OrganisationCode.CreditCheckCharacter(body);
        Assert.Equal(OrganisationCodeKind.CreditCode, OrganisationCode.Parse(full).Kind);
    }
}
