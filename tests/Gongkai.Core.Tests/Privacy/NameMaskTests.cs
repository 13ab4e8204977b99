using Gongkai.Core.Privacy;

namespace Gongkai.Core.Tests.Privacy;

/// <summary>Published letters show the writer's family name only (北京's rule for 公开选登: 张**).</summary>
public class NameMaskTests
{
    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData(" 王 ", "王*")]
    [InlineData("", "匿名")]
    [InlineData("𠀋一", "𠀋*")]
    public void A_name_should_keep_only_its_first_character(string name, string masked) => Assert.Equal(masked, NameMask.Mask(name));
}
