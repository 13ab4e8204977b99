using Gongkai.Core.Privacy;

namespace Gongkai.Core.Tests.Privacy;

/// <summary>GB 11643-1999 公民身份号码 and its MOD 11-2 check character.</summary>
public class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")]   // the worked example printed in GB 11643-1999 itself
    [InlineData("11010519491231002x")]
    public void The_standards_own_example_should_be_valid(string number) => Assert.Null(ResidentIdNumber.Problem(number));

    [Theory]
    [InlineData("110105194912310021", "校验码不符")]
    [InlineData("110105194913310028", "出生日期无效")]
    [InlineData("11010519491231002", "应为 18 位")]
    [InlineData("1101051949123100AX", "前 17 位应为数字")]
    public void A_wrong_number_should_be_refused_with_the_reason(string number, string reason) =>
        Assert.Contains(reason, ResidentIdNumber.Problem(number));
}
