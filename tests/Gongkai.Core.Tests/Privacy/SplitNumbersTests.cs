using Gongkai.Core.Privacy;

namespace Gongkai.Core.Tests.Privacy;

/// <summary>
/// Numbers split by invisible characters or spaces are read as a reader reads them (issue 13 §3), while dates, amounts,
/// office telephone numbers and the figures of a table stay what they are. Numbers constructed for their check digits.
/// </summary>
public class SplitNumbersTests
{
    [Theory]
    [InlineData("身份证号110105\u200B19491231002X。", PersonalDataKind.ResidentIdNumber, "110105********002X")]   // zero-width space
    [InlineData("身份证号1101\u200D0519\u2060491231\uFEFF002X。", PersonalDataKind.ResidentIdNumber, "110105********002X")] // joiner, word joiner, BOM
    [InlineData("联系电话139\u00AD1234\u200C5678。", PersonalDataKind.MobileNumber, "139****5678")]                 // soft hyphen, non-joiner
    [InlineData("电话\u200E13912345678\u200F。", PersonalDataKind.MobileNumber, "139****5678")]                     // direction marks around
    [InlineData("邮箱zhang\u200Bsan@example.gov.cn。", PersonalDataKind.EmailAddress, "z*******@example.gov.cn")]
    public void Invisible_characters_inside_a_number_should_not_hide_it(string text, PersonalDataKind kind, string masked)
    {
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        Assert.Equal((kind, masked), (hit.Kind, hit.Masked));
        Assert.Equal(text.Substring(hit.Start, hit.Length), hit.Text);
    }

    [Theory]
    [InlineData("身份证号 110105 19491231 002X。", "110105 19491231 002X", PersonalDataKind.ResidentIdNumber)]
    [InlineData("身份证号 1101 0519 4912 3100 2X。", "1101 0519 4912 3100 2X", PersonalDataKind.ResidentIdNumber)]
    [InlineData("身份证号 110105-19491231-002X。", "110105-19491231-002X", PersonalDataKind.ResidentIdNumber)]
    [InlineData("身份证号 11 01 05 19 49 12 31 00 2X。", "11 01 05 19 49 12 31 00 2X", PersonalDataKind.ResidentIdNumber)]
    [InlineData("身份证号110105\u00A019491231\u3000002X。", "110105\u00A019491231\u3000002X", PersonalDataKind.ResidentIdNumber)]
    [InlineData("手机 1391 234 5678。", "1391 234 5678", PersonalDataKind.MobileNumber)]
    [InlineData("手机 13912 345678。", "13912 345678", PersonalDataKind.MobileNumber)]
    [InlineData("手机 139  1234  5678。", "139  1234  5678", PersonalDataKind.MobileNumber)]
    [InlineData("手机 139\u2002-\u20021234\u2002-\u20025678。", "139\u2002-\u20021234\u2002-\u20025678", PersonalDataKind.MobileNumber)]
    [InlineData("卡号 622202 1234567890128。", "622202 1234567890128", PersonalDataKind.BankCardNumber)]
    [InlineData("卡号 6222-0212-3456-7890-128。", "6222-0212-3456-7890-128", PersonalDataKind.BankCardNumber)]
    [InlineData("旧证号 110105 491231 002。", "110105 491231 002", PersonalDataKind.OldResidentIdNumber)]
    public void A_number_written_in_groups_should_be_read_whole(string text, string written, PersonalDataKind kind)
    {
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        Assert.Equal((kind, text.IndexOf(written, StringComparison.Ordinal), written), (hit.Kind, hit.Start, hit.Text));
    }

    [Fact]
    public void An_id_number_in_groups_next_to_other_figures_should_still_be_found()
    {
        const string text = "序号 12 110105 19491231 002X";
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        Assert.Equal((PersonalDataKind.ResidentIdNumber, "110105 19491231 002X"), (hit.Kind, hit.Text));
    }

    [Theory]
    [InlineData("申请人身份证号110105\t19491231002X")]          // two table cells
    [InlineData("手机139\n12345678")]                           // two lines
    [InlineData("2019年1月1日至2019年12月31日")]                // a date range
    [InlineData("统计期间：2019-01-01-2019-12-31，2019 01 01 2019 12 31")]
    [InlineData("年份 2019 2020 2021 2022 2023 对比")]
    [InlineData("办公电话：0731-12345678、0731 1234 5678、(0731) 8888 9999")]   // the office's own numbers: not personal data
    [InlineData("合计 1 234 567.89 元，人口 13 800 138 000 人，共 12 345 678 元")]
    [InlineData("收到申请数 135 2204 3101 12 0 0 3")]          // a table row read from a PDF
    [InlineData("青政发〔2024〕12号，索引号 014416330/2018-04736")]
    [InlineData("编号 1101 0519 4912 3100 21")]                // an ID's shape with a wrong check character
    [InlineData("序号 2019 1231 2345 6789 012")]                // 19 digits in groups, not a card's first digit
    public void Figures_that_are_not_personal_data_should_not_be_reported(string text) =>
        Assert.Empty(PersonalDataScreen.Find(text));

    [Fact]
    public void Masking_should_keep_every_offset_and_hide_each_hit()
    {
        const string text = "电话139 1234 5678，身份证110105\u200B19491231002X，邮箱zhang@example.gov.cn。";
        var masked = PersonalDataScreen.Mask(text);

        Assert.Equal(text.Length, masked.Length);
        Assert.Equal("电话139 **** 5678，身份证110105\u200B********002X，邮箱z****@example.gov.cn。", masked);
    }

    [Fact]
    public void Masking_a_mobile_with_its_country_code_should_keep_the_code()
    {
        const string text = "手机+86 139 1234 5678";
        Assert.Equal("手机+86 139 **** 5678", PersonalDataScreen.Mask(text));
    }

    [Fact]
    public void The_context_of_a_hit_in_masked_text_should_show_no_neighbouring_number()
    {
        const string text = "电话13912345678，身份证11010519491231002X。";
        var hits = PersonalDataScreen.Find(text);

        Assert.Equal("电话139****5678，身份证110105****", hits[0].Context(PersonalDataScreen.Mask(text, hits), 14));
    }
}
