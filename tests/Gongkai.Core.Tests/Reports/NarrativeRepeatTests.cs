using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

public class NarrativeRepeatTests
{
    private const string LastYear = "2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请，政务公开工作取得新进展。";

    [Theory]
    [InlineData(LastYear, true)]                                                              // the same
    [InlineData("  2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，\n主动公开政府信息，依法办理政府信息公开申请，政务公开工作取得新进展。 ", true)]   // equal after whitespace
    [InlineData("2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请，政务公开工作取得新进展。", true)]   // the year changed only
    [InlineData("2024年，本机关围绕优化营商环境，集中公开涉企政策文件，开展政策解读，回应社会关切。", false)]
    [InlineData("", false)]
    public void A_section_should_repeat_last_years_text_when_equal_or_nine_tenths_the_same(string text, bool repeats) =>
        Assert.Equal(repeats, NarrativeRepeat.Repeats(text, LastYear));
}
