using Gongkai.Core.Privacy;

namespace Gongkai.Core.Tests.Privacy;

/// <summary>
/// The personal-data screen run before publishing (国办秘函〔2019〕19号 counts such leaks as a leading finding).
/// Every number here is the GB 11643 example or was constructed for its check digit: none is a real person's.
/// </summary>
public class PersonalDataScreenTests
{
    // The GB 11643-1999 example; its 15-digit form; a constructed ID with a digit check character; a card
    // number made Luhn-valid (6200000000001234566); the usual Luhn test number.
    private const string Notice =
        "关于张某某申请政府信息公开的答复告知书（青政发〔2024〕12号，索引号014416330/2018-04736）\n" +
        "申请人：张某某，身份证号11010519491231002X，原证件号码110105491231002，联系电话13800138000，" +
        "电子邮箱zhangmoumou@example.gov.cn。其配偶李某某（430102198001010003）申请退还的信息处理费" +
        "已退至其银行卡6200 0000 0000 1234 566，另一张卡号4111111111111111已注销。";

    [Fact]
    public void A_notice_with_every_kind_should_report_each_in_order_with_its_span()
    {
        var hits = PersonalDataScreen.Find(Notice);

        Assert.Collection(hits,
            h => AssertHit(h, PersonalDataKind.ResidentIdNumber, "11010519491231002X", "110105********002X"),
            h => AssertHit(h, PersonalDataKind.OldResidentIdNumber, "110105491231002", "110105******002"),
            h => AssertHit(h, PersonalDataKind.MobileNumber, "13800138000", "138****8000"),
            h => AssertHit(h, PersonalDataKind.EmailAddress, "zhangmoumou@example.gov.cn", "z**********@example.gov.cn"),
            h => AssertHit(h, PersonalDataKind.ResidentIdNumber, "430102198001010003", "430102********0003"),
            h => AssertHit(h, PersonalDataKind.BankCardNumber, "6200 0000 0000 1234 566", "620000*********4566"),
            h => AssertHit(h, PersonalDataKind.BankCardNumber, "4111111111111111", "411111******1111"));
    }

    [Theory]
    [InlineData("联系电话：138 0013 8000。", "138 0013 8000")]
    [InlineData("联系电话：+86-138-0013-8000。", "+86-138-0013-8000")]
    [InlineData("联系电话：+86 13800138000。", "+86 13800138000")]
    [InlineData("联系电话8613800138000，", "8613800138000")]
    [InlineData("手机：0086-138-0013-8000", "0086-138-0013-8000")]
    [InlineData("Tel13800138000", "13800138000")]
    public void A_mobile_written_with_prefix_or_groups_should_be_reported_whole(string text, string written)
    {
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        AssertHit(hit, PersonalDataKind.MobileNumber, written, "138****8000", text);
    }

    [Theory]
    [InlineData("身份证号码：１１０１０５１９４９１２３１００２Ｘ。", "１１０１０５１９４９１２３１００２Ｘ", PersonalDataKind.ResidentIdNumber, "110105********002X")]
    [InlineData("身份证号码：１１０１０５１９４９１２３１００２x。", "１１０１０５１９４９１２３１００２x", PersonalDataKind.ResidentIdNumber, "110105********002X")]
    [InlineData("联系电话：１３８００１３８０００。", "１３８００１３８０００", PersonalDataKind.MobileNumber, "138****8000")]
    [InlineData("联系电话：１３８　００１３　８０００。", "１３８　００１３　８０００", PersonalDataKind.MobileNumber, "138****8000")]
    [InlineData("卡号４１１１１１１１１１１１１１１１，", "４１１１１１１１１１１１１１１１", PersonalDataKind.BankCardNumber, "411111******1111")]
    public void Full_width_digits_should_be_read_and_the_original_span_reported(string text, string written, PersonalDataKind kind, string masked)
    {
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        AssertHit(hit, kind, written, masked, text);
    }

    [Theory]
    [InlineData("根据《青岛市人民政府关于印发…的通知》（青政发〔2024〕12号）")]    // 文号
    [InlineData("索引号：014416330/2018-04736")]
    [InlineData("成文日期：20240101，发布日期：2024-01-05")]
    [InlineData("身份证号110105194912310021（校验码不符）")]                      // 18 digits, wrong check character, not Luhn either
    [InlineData("订单编号20240101123456789012已支付")]                           // 20 digits
    [InlineData("咨询电话：0731-88889999，传真0731 88889998")]
    [InlineData("编号12345678901")]                                                // 11 digits starting 12
    [InlineData("卡号4111111111111112")]                                          // 16 digits failing Luhn
    [InlineData("合计1,234,567.89元，折合13800138000.50元")]                      // amounts, one shaped like a mobile
    [InlineData("注册号430100000012345，统一社会信用代码914301001800000123")]    // passes Luhn, but is a valid GB 32100 code
    [InlineData("编号AB11010519491231002X，批次11010519491231002XY")]            // an ID inside a longer run of letters
    [InlineData("手机号码13800138000123，电话2013800138000")]                     // a mobile inside longer digit runs
    [InlineData("邮箱：写作 zhang at example dot com，或 @某某")]
    public void Numbers_that_only_look_personal_should_not_be_reported(string text) =>
        Assert.Empty(PersonalDataScreen.Find(text));

    [Fact]
    public void An_id_number_that_also_passes_luhn_should_be_reported_once_as_an_id()
    {
        // 430102198001010089: a valid GB 11643 check character and, by construction, Luhn-valid too.
        var hit = Assert.Single(PersonalDataScreen.Find("身份证号430102198001010089。"));
        Assert.Equal(PersonalDataKind.ResidentIdNumber, hit.Kind);
    }

    [Fact]
    public void A_mail_address_made_of_a_mobile_number_should_be_reported_once_as_a_mail_address()
    {
        const string text = "请发送至13800138000@139.com。";
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        AssertHit(hit, PersonalDataKind.EmailAddress, "13800138000@139.com", "1**********@139.com", text);
    }

    [Fact]
    public void Context_should_show_the_surroundings_with_the_hit_masked()
    {
        var hit = PersonalDataScreen.Find(Notice).Single(h => h.Kind == PersonalDataKind.MobileNumber);
        // Only the hit itself is masked: a neighbouring number inside the window shows as written.
        Assert.Equal("5491231002，联系电话138****8000，电子邮箱zhangmoumo", hit.Context(Notice));
        Assert.Equal("电话138****8000，电", hit.Context(Notice, 2));
    }

    [Fact]
    public void Context_should_not_split_a_character_outside_the_basic_plane()
    {
        const string text = "𠮷𠮷𠮷电话13800138000";   // 𠮷 is two UTF-16 units
        var hit = Assert.Single(PersonalDataScreen.Find(text));
        Assert.Equal("𠮷电话138****8000", hit.Context(text, 3));
    }

    [Fact]
    public void A_hit_printed_to_a_log_should_not_reveal_the_number()
    {
        var hit = Assert.Single(PersonalDataScreen.Find("身份证号11010519491231002X"));
        Assert.DoesNotContain("11010519491231002X", hit.ToString());
        Assert.Contains("110105********002X", hit.ToString());
    }

    [Theory]
    [InlineData(PersonalDataKind.ResidentIdNumber, "居民身份证号码")]
    [InlineData(PersonalDataKind.OldResidentIdNumber, "15位旧身份证号码")]
    [InlineData(PersonalDataKind.MobileNumber, "手机号码")]
    [InlineData(PersonalDataKind.BankCardNumber, "银行卡号")]
    [InlineData(PersonalDataKind.EmailAddress, "电子邮箱")]
    public void Each_kind_should_have_its_chinese_name(PersonalDataKind kind, string name) =>
        Assert.Equal(name, kind.ChineseName());

    [Fact]
    public void A_text_without_personal_data_should_give_an_empty_list() =>
        Assert.Empty(PersonalDataScreen.Find("本机关2023年共主动公开政府信息1234条，其中规范性文件56件。"));

    private static void AssertHit(PersonalDataHit hit, PersonalDataKind kind, string written, string masked, string text = Notice)
    {
        Assert.Equal(kind, hit.Kind);
        Assert.Equal(text.IndexOf(written, StringComparison.Ordinal), hit.Start);
        Assert.Equal(written.Length, hit.Length);
        Assert.Equal(written, hit.Text);
        Assert.Equal(masked, hit.Masked);
    }
}
