using Gongkai.Core.Documents;
using Gongkai.Core.Applications;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Applications;

/// <summary>
/// The written notices of 2019年《条例》: the answer (第三十六条, remedies 第五十一条), 补正 (第三十条), 延期 (第三十三条第二款),
/// 信息处理费 (第四十二条, 国办函〔2020〕109号) and the consultation letters (第三十二条, 第三十四条), on an application
/// received 2024-09-27, the Friday before National Day, whose answer is due 2024-10-30.
/// </summary>
public class NoticesTests
{
    private static NoticeFacts Step(ApplicationEventKind kind, string date) =>
        new("某市自然资源和规划局", "张三", "K7QM-2HXD-9RTA", D("2024-09-27"), "2023年某地块土地征收补偿方案", kind, D(date));

    private static string Text(Notice notice) => string.Join("\n", notice.Paragraphs);

    [Fact]
    public void A_refusal_to_protect_a_third_party_should_cite_article_15_give_the_reasons_and_the_remedies()
    {
        var notice = Notices.For(Step(ApplicationEventKind.Answered, "2024-10-30") with
        {
            Outcome = Outcome.ThirdPartyRights,
            Note = "该信息包含被征收人的个人信息，公开后会对其合法权益造成损害",
            Sequence = 3,
        })!;

        Assert.Equal(("政府信息公开申请答复告知书", "〔2024〕第 K7QM-2HXD-9RTA-03 号", "张三"), (notice.Title, notice.DocumentNumber, notice.Addressee));
        Assert.Equal(("某市自然资源和规划局", D("2024-10-30")), (notice.Issuer, notice.Date));
        var text = Text(notice);
        Assert.Contains("本机关于2024年9月27日收到您", text);
        Assert.Contains("“2023年某地块土地征收补偿方案”", text);
        Assert.Contains("根据《条例》第十五条、第三十六条第（三）项的规定，本机关答复如下：不予公开（保护第三方合法权益）。", text);
        Assert.Contains("理由：该信息包含被征收人的个人信息，公开后会对其合法权益造成损害。", text);
        Assert.Contains("60日内依照《中华人民共和国行政复议法》的规定申请行政复议", text);
        Assert.Contains("6个月内依照《中华人民共和国行政诉讼法》的规定向人民法院提起行政诉讼", text);
    }

    [Fact]
    public void Every_answer_should_name_its_outcome_and_basis_and_the_remedies_of_article_51()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var info = outcome.Info();
            var text = Text(Notices.For(Step(ApplicationEventKind.Answered, "2024-10-30") with { Outcome = outcome, Note = "理由" })!);
            Assert.Contains(info.Name, text);
            Assert.Contains(info.Basis, text);
            Assert.Contains("行政复议", text);
            Assert.Contains("行政诉讼", text);
        }
    }

    [Fact]
    public void A_remedy_should_name_the_reconsideration_body_when_one_is_given_under_the_reconsideration_law()
    {
        var notice = Notices.For(Step(ApplicationEventKind.Answered, "2024-10-30") with
        {
            Outcome = Outcome.NotHeld,
            Note = "经检索，本机关未制作或获取该信息",
            ReconsiderationBody = "某市人民政府",
        })!;
        Assert.Contains("60日内依照《中华人民共和国行政复议法》的规定向某市人民政府申请行政复议", Text(notice));
    }

    [Fact]
    public void A_provided_answer_should_cite_article_36_item_2_and_list_the_released_documents()
    {
        var text = Text(Notices.For(Step(ApplicationEventKind.Answered, "2024-10-30") with
        {
            Outcome = Outcome.Provided,
            Documents = ["补偿方案.pdf", "批复.pdf"],
        })!);
        Assert.Contains("根据《条例》第三十六条第（二）项的规定，本机关答复如下：予以公开。", text);
        Assert.Contains("（共2件）：1. 补偿方案.pdf；2. 批复.pdf。", text);
        Assert.DoesNotContain("理由", text);
    }

    [Fact]
    public void An_answer_that_it_is_already_public_should_tell_where_under_article_36_item_1()
    {
        var text = Text(Notices.For(Step(ApplicationEventKind.Answered, "2024-10-30") with
        {
            Outcome = Outcome.AlreadyPublic,
            Note = "该信息已于2023年6月1日在本机关门户网站“法定主动公开内容”栏目公开",
        })!);
        Assert.Contains("第三十六条第（一）项", text);
        Assert.Contains("获取该政府信息的方式和途径：该信息已于2023年6月1日", text);
    }

    [Fact]
    public void A_correction_notice_should_cite_article_30_the_deadline_the_restart_and_abandonment()
    {
        var notice = Notices.For(Step(ApplicationEventKind.CorrectionRequested, "2024-10-08") with
        {
            Note = "请写明所需信息的地块名称或文号",
            Until = D("2024-10-22"),
        })!;
        var text = Text(notice);
        Assert.Equal(("政府信息公开申请补正告知书", "张三"), (notice.Title, notice.Addressee));
        Assert.Contains("根据《条例》第三十条的规定，请您对以下事项作出补正：请写明所需信息的地块名称或文号。", text);
        Assert.Contains("最迟于2024年10月22日", text);
        Assert.Contains("答复期限自本机关收到补正的申请之日起计算", text);
        Assert.Contains("无正当理由逾期不补正的，视为放弃申请", text);
    }

    [Fact]
    public void An_extension_notice_should_cite_article_33_paragraph_2_and_give_the_new_due_date()
    {
        var due = DeadlineClock.Due(Instance, D("2024-09-27"), extended: true);
        var notice = Notices.For(Step(ApplicationEventKind.Extended, "2024-10-28") with
        {
            Note = "所申请信息涉及的档案数量较大，需要调阅检索。",
            Party = "李四",
            Days = 20,
            DueOn = due,
        })!;
        var text = Text(notice);
        Assert.Equal("政府信息公开申请延期答复告知书", notice.Title);
        Assert.Contains("因所申请信息涉及的档案数量较大，需要调阅检索，本机关不能在规定期限内作出答复。", text);
        Assert.Contains("根据《条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将最迟于2024年11月27日作出答复。", text);
        Assert.DoesNotContain("李四", text);
    }

    [Theory]
    [InlineData(300, "人民币300元")]
    [InlineData(12.5, "人民币12.50元")]
    public void A_fee_notice_should_cite_article_42_and_109_and_give_the_amount_and_the_last_day_to_pay(decimal amount, string printed)
    {
        // 109号: pay within 20 working days from the day after the notice; 2024-10-12 (Sat) is a make-up working day.
        var until = Instance.AddWorkingDays(D("2024-10-10"), ClockRules.FeePaymentDays);
        Assert.Equal(D("2024-11-06"), until);
        var notice = Notices.For(Step(ApplicationEventKind.FeeNoticeSent, "2024-10-10") with
        {
            Amount = amount,
            Until = until,
            Note = "按件计收，本月第12件，100元/件",
        })!;
        var text = Text(notice);
        Assert.Equal("收取信息处理费通知书", notice.Title);
        Assert.Contains("《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", text);
        Assert.Contains($"收取信息处理费{printed}。计收依据和标准：按件计收，本月第12件，100元/件。", text);
        Assert.Contains("自收到本通知书次日起20个工作日内（即最迟于2024年11月6日）缴纳", text);
        Assert.Contains("逾期未缴纳的，视为放弃申请", text);
    }

    [Fact]
    public void A_third_party_letter_under_article_32_should_leave_silence_to_the_unit_and_an_other_unit_letter_under_article_34_should_take_it_as_consent()
    {
        var third = Notices.For(Step(ApplicationEventKind.ThirdPartyConsulted, "2024-10-09") with { Party = "某房地产开发有限公司" })!;
        var unit = Notices.For(Step(ApplicationEventKind.OtherUnitConsulted, "2024-10-09") with { Party = "某市财政局" })!;

        Assert.Equal(("某房地产开发有限公司", "某市财政局"), (third.Addressee, unit.Addressee));
        Assert.Contains("第三十二条", Text(third));
        Assert.Contains("15个工作日内提出书面意见", Text(third));
        Assert.Contains("逾期未提出意见的，由本机关依照《条例》的规定决定是否公开", Text(third));
        Assert.DoesNotContain("视为同意公开", Text(third));
        Assert.Contains("第三十四条", Text(unit));
        Assert.Contains("15个工作日内提出意见。逾期未提出意见的，视为同意公开。", Text(unit));
        // The applicant is not named to those consulted.
        Assert.DoesNotContain("张三", Text(third) + Text(unit));
    }

    [Theory]
    [InlineData(ApplicationEventKind.SubmittedOnline)]
    [InlineData(ApplicationEventKind.Recorded)]
    [InlineData(ApplicationEventKind.Confirmed)]
    [InlineData(ApplicationEventKind.CorrectionReceived)]
    [InlineData(ApplicationEventKind.ConsultationEnded)]
    [InlineData(ApplicationEventKind.FeePaid)]
    [InlineData(ApplicationEventKind.Transferred)]
    [InlineData(ApplicationEventKind.DeadlineRecomputed)]
    public void A_step_that_tells_nobody_anything_should_have_no_notice(ApplicationEventKind kind) =>
        Assert.Null(Notices.For(Step(kind, "2024-10-09")));

    [Theory]
    [InlineData("2024-10-30", "2024年10月30日")]
    [InlineData("2025-01-05", "2025年1月5日")]
    public void A_date_should_print_as_official_documents_print_it_under_GB_T_9704(string date, string printed) =>
        Assert.Equal(printed, Gongkai.Core.Documents.Notice.ChineseDate(D(date)));
}
