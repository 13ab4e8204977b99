using Gongkai.App.Applications;
using Gongkai.App.Units;
using Gongkai.Core.Applications;
using Gongkai.Core.Privacy;
using Gongkai.Core.Units;

namespace Gongkai.App.Demo;

/// <summary>
/// What the demo year is made of: the mix of units, channels, applicants, outcomes and cases that show every state,
/// the wording (fictional places of 青岚市 only), and the random picks from these lists.
/// </summary>
public sealed partial class SeedDemoApplications
{
    /// <param name="Key">The key of the unit in <see cref="SeedDemoData"/>.</param>
    /// <param name="Weight">How many applications it gets, relative to the others.</param>
    /// <param name="Place">Where its applications are about.</param>
    private sealed record DemoUnit(string Key, int Weight, string Place, string[] Topics);

    private static readonly DemoUnit[] DemoUnits =
    [
        new("city", 30, "青岚市", ["综合", "征收", "规划"]),
        new("fgw", 8, "青岚市", ["发改"]),
        new("jyj", 12, "青岚市", ["教育"]),
        new("czj", 7, "青岚市", ["财政"]),
        new("zrzyj", 30, "青岚市", ["规划", "土地"]),
        new("stj", 12, "青岚市", ["环境"]),
        new("zjj", 32, "青岚市", ["住建", "征收"]),
        new("wjw", 8, "青岚市", ["卫生"]),
        new("yy", 20, "映月区", ["综合", "征收"]),
        new("yy-jyj", 6, "映月区", ["教育"]),
        new("yy-czj", 4, "映月区", ["财政"]),
        new("yy-zjj", 14, "映月区", ["住建", "征收"]),
        new("yy-xq", 4, "映月区星桥街道", ["综合", "征收"]),
        new("yy-wh", 4, "映月区望湖街道", ["综合"]),
        new("st", 16, "松涛区", ["综合", "征收"]),
        new("st-jyj", 5, "松涛区", ["教育"]),
        new("st-wjj", 4, "松涛区", ["卫生"]),
        new("st-zx", 3, "松涛区竹溪镇", ["综合", "土地"]),
        new("st-stjd", 3, "松涛区松涛街道", ["综合"]),
        new("lm", 14, "鹿鸣县", ["综合", "土地"]),
        new("lm-czj", 3, "鹿鸣县", ["财政"]),
        new("lm-zrzyj", 10, "鹿鸣县", ["土地", "规划"]),
        new("lm-bl", 3, "鹿鸣县白鹭镇", ["综合", "土地"]),
        new("lm-sm", 2, "鹿鸣县石门乡", ["综合"]),
    ];

    // {Y} year, {P} place, {A} 片区, {R} road, {V} village.
    private static readonly Dictionary<string, string[]> Topics = new()
    {
        ["综合"] = ["{Y}年{P}民生实事项目完成情况", "{Y}年{P}政府常务会议研究{A}改造事项的会议纪要", "{P}{V}村道硬化工程招投标及验收资料",
            "{P}{V}村集体资产处置的审批文件", "{Y}年{P}防汛抗旱专项资金使用情况"],
        ["征收"] = ["{Y}年{P}{A}征收补偿安置方案", "{P}{A}房屋征收决定及征收范围图", "{P}{A}被征收房屋评估报告及评估机构选定过程",
            "{R}沿线房屋征收补偿款发放明细（涉及本人房屋部分）", "{P}{A}征收项目社会稳定风险评估报告"],
        ["规划"] = ["{R}拓宽工程规划许可文件", "{P}{A}控制性详细规划及批复", "{P}{A}地块建设工程规划许可证及附图",
            "{Y}年{P}国有建设用地供应计划", "{R}与{R2}交叉口地块规划条件"],
        ["土地"] = ["{P}{V}集体土地征收批复文件及征地补偿安置方案", "{P}{V}土地征收成片开发方案", "{Y}年{P}城乡建设用地增减挂钩项目验收材料",
            "{P}{V}违法占地行为的查处情况"],
        ["住建"] = ["{Y}年{P}老旧小区改造项目清单及资金安排", "{P}{A}保障性租赁住房配租名单", "{R}某住宅小区竣工验收备案材料",
            "{Y}年{P}商品房预售许可证核发情况", "{R}某住宅小区专项维修资金使用情况"],
        ["教育"] = ["{Y}年{P}义务教育学校招生划片方案", "{P}{A}新建小学立项批复及建设进度", "{Y}年{P}中小学教师公开招聘成绩及拟聘用人员名单",
            "{Y}年{P}校外培训机构审批和年检情况"],
        ["财政"] = ["{Y}年{P}部门预算及“三公”经费支出情况", "{Y}年{P}新增政府债券资金安排及使用情况", "{P}{A}改造项目财政资金拨付凭证",
            "{Y}年{P}惠民惠农补贴资金发放名单"],
        ["环境"] = ["{R}某企业建设项目环境影响评价报告及批复", "{Y}年{P}环境空气质量监测月报", "{P}{V}养殖场环境违法行为行政处罚决定书",
            "{R}某污水处理厂排污许可证及执行报告"],
        ["卫生"] = ["{Y}年{P}医疗机构设置规划", "{P}{A}社区卫生服务中心建设项目批复文件", "{Y}年{P}医疗机构行政处罚决定"],
        ["发改"] = ["{R}改造工程项目可行性研究报告批复", "{Y}年{P}重点建设项目计划", "{Y}年{P}管道燃气价格调整听证材料"],
    };

    private static readonly string[] Districts = ["映月区", "松涛区", "鹿鸣县"];
    private static readonly string[] Areas = ["老城片区", "北湖片区", "东站片区", "河西片区", "白鹭湾片区", "竹溪新村片区", "望山片区", "云岗片区"];
    private static readonly string[] Roads = ["青岚大道", "文昌路", "望山路", "碧水街", "安居路", "仁和路", "映月路", "新月街", "星桥路", "望湖东路", "育才路", "松涛大街", "河西路"];
    private static readonly string[] Villages = ["桃源村", "柳塘村", "云岗村", "石门村", "白鹭村", "竹溪村"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];

    private static readonly Dictionary<ApplicantKind, (string CodePrefix, string[] Names)> Organisations = new()
    {
        [ApplicantKind.Commercial] = ("91", ["青岚某某置业有限公司", "青岚某某建筑工程有限公司", "青岚某某商贸有限公司", "鹿鸣县某某农业开发有限公司"]),
        [ApplicantKind.Research] = ("12", ["青岚某某城市规划设计研究院", "青岚某某环境科学研究所"]),
        [ApplicantKind.PublicWelfare] = ("52", ["青岚市某某环保公益服务中心", "青岚市某某助残服务中心"]),
        [ApplicantKind.LegalServices] = ("31", ["青岚某某律师事务所", "青岚某某律师事务所映月分所"]),
        [ApplicantKind.OtherOrganisation] = ("N2", ["映月区某某小区业主委员会", "松涛区某某村股份经济合作社"]),
    };

    private static readonly (SubmissionChannel Channel, int Weight)[] Channels =
    [
        (SubmissionChannel.Online, 56), (SubmissionChannel.InPerson, 26), (SubmissionChannel.SignedForPost, 9),
        (SubmissionChannel.OrdinaryLetter, 5), (SubmissionChannel.Fax, 4),
    ];

    private static readonly (ApplicantKind Kind, int Weight)[] Kinds =
    [
        (ApplicantKind.NaturalPerson, 80), (ApplicantKind.Commercial, 8), (ApplicantKind.Research, 2),
        (ApplicantKind.PublicWelfare, 2), (ApplicantKind.LegalServices, 5), (ApplicantKind.OtherOrganisation, 3),
    ];

    /// <summary>
    /// Answers without a twist that decides them, per 100: roughly the mix of published annual reports. 逾期不补正,
    /// 逾期未缴费 and 补正后仍不明确 come from the applications that went that way; consultations and fees lean to
    /// 予以公开, 部分公开 and the matching refusals.
    /// </summary>
    private static readonly (Outcome Outcome, int Count)[] Deck =
    [
        (Outcome.AlreadyPublic, 14), (Outcome.Provided, 31), (Outcome.PartiallyDisclosed, 9),
        (Outcome.StateSecret, 1), (Outcome.ProhibitedByLaw, 1), (Outcome.EndangersSecurityOrStability, 1), (Outcome.ThirdPartyRights, 1),
        (Outcome.InternalAffairs, 1), (Outcome.ProcessInformation, 1), (Outcome.EnforcementCaseFile, 1), (Outcome.AdministrativeQuery, 1),
        (Outcome.NotHeld, 23), (Outcome.NeedsCreation, 5),
        (Outcome.PetitionOrComplaint, 2), (Outcome.RepeatedApplication, 2), (Outcome.PublishedMaterial, 1), (Outcome.ExcessiveApplications, 1),
        (Outcome.ConfirmOrReissue, 1), (Outcome.OtherHandling, 3),
    ];

    /// <summary>
    /// Applications made to show every state whatever the day: (twists, age in working days before today, how many).
    /// Unconfirmed ones are aged in calendar days.
    /// </summary>
    private static readonly (Twist Twists, int MinAge, int MaxAge, int Count)[] Specials =
    [
        (Twist.Unconfirmed, 0, 3, 3),
        (Twist.Correction | Twist.Abandon, 4, 6, 2),
        (Twist.Consultation, 5, 8, 2),
        (Twist.Fee | Twist.Abandon, 6, 12, 2),
        (Twist.AnsweredOnDueDate, 15, 18, 3),
        (Twist.Forgotten, 30, 150, 6),
        (Twist.Correction | Twist.Abandon, 40, 220, 4),
        (Twist.Fee | Twist.Abandon, 40, 220, 2),
        (Twist.Correction | Twist.StillUnclear, 40, 220, 3),
    ];

    /// <summary>What the answer tells the applicant; every outcome other than 予以公开 states its reasons.</summary>
    private static readonly Dictionary<Outcome, string> Reasons = new()
    {
        [Outcome.AlreadyPublic] = "所申请信息已在本机关门户网站政府信息公开专栏主动公开，已告知获取方式和途径。",
        [Outcome.Provided] = "经检索，向申请人提供所申请的政府信息。",
        [Outcome.PartiallyDisclosed] = "所申请信息中涉及个人隐私的内容作区分处理，其余部分予以公开（第三十七条）。",
        [Outcome.StateSecret] = "所申请信息经依法确定为国家秘密，不予公开（第十四条）。",
        [Outcome.ProhibitedByLaw] = "所申请信息属于统计调查中能够识别单个调查对象身份的资料，依照《中华人民共和国统计法》不予公开（第十四条）。",
        [Outcome.EndangersSecurityOrStability] = "所申请信息公开后可能危及社会稳定，不予公开（第十四条）。",
        [Outcome.ThirdPartyRights] = "所申请信息涉及第三方商业秘密，第三方不同意公开，不予公开（第十五条）。",
        [Outcome.InternalAffairs] = "所申请信息属于本机关内部人事管理信息，不予公开（第十六条第一款）。",
        [Outcome.ProcessInformation] = "所申请信息属于研究讨论过程中形成的过程性信息，不予公开（第十六条第二款）。",
        [Outcome.EnforcementCaseFile] = "所申请信息属于行政执法案卷信息，不予公开（第十六条第二款）。",
        [Outcome.AdministrativeQuery] = "所申请信息属于不动产登记资料，请依照《不动产登记资料查询暂行办法》申请查询（第三十六条第（七）项）。",
        [Outcome.NotHeld] = "经检索，本机关未制作、获取所申请的政府信息，该政府信息不存在（第三十六条第（四）项）。",
        [Outcome.NeedsCreation] = "所申请信息需要对现有资料进行汇总、加工后另行制作，本机关不予提供（第三十八条）。",
        [Outcome.UnclearAfterCorrection] = "经补正，申请内容仍不明确，无法确定所需的政府信息（第三十条）。",
        [Outcome.PetitionOrComplaint] = "申请内容属于信访、投诉、举报事项，已告知申请人通过相应渠道提出（第三十九条第一款）。",
        [Outcome.RepeatedApplication] = "申请人就同一内容重复申请，本机关已作出答复，不再重复处理（第三十六条第（六）项）。",
        [Outcome.PublishedMaterial] = "所申请信息为公开出版物，已告知申请人通过公开渠道获取（第三十九条第二款）。",
        [Outcome.ExcessiveApplications] = "申请人无正当理由大量、反复申请，经要求说明理由未能说明，不予处理（第三十五条）。",
        [Outcome.ConfirmOrReissue] = "申请人要求本机关确认或重新出具已获取的信息，不予处理。",
        [Outcome.CorrectionOverdue] = "申请人无正当理由逾期未补正，视为放弃申请，本机关不再处理（第三十条）。",
        [Outcome.FeeUnpaid] = "申请人逾期未缴纳信息处理费，视为放弃申请，本机关不再处理（国办函〔2020〕109号）。",
        [Outcome.OtherHandling] = "申请人在答复前书面撤回申请，本机关终止处理。",
    };

    private static readonly string[] CorrectionNotes =
    [
        "请明确所需政府信息的名称、文号或者形成时间。", "请补充所需信息涉及的具体项目名称或地块位置。",
        "申请内容涉及多项事项，请逐项列明所需的政府信息。", "请补充提交有效身份证明。",
    ];

    private static readonly string[] ExtensionReasons =
    [
        "所申请信息涉及多个内设机构，需要汇总核实。", "所申请信息数量较大，需要调阅历史档案逐件检索。", "所申请信息需要进行保密审查。",
    ];

    private static readonly string[] Approvers = ["政务公开科负责人周某某（演示）", "办公室主任陈某某（演示）"];
    private static readonly string[] ThirdParties = ["青岚某某置业有限公司", "青岚某某建筑工程有限公司", "被征收房屋所有权人郑某某"];
    private static readonly string[] ThirdPartyReplies = ["第三方书面同意公开。", "第三方书面表示不同意公开。", "第三方逾期未提出意见。"];
    private static readonly string[] UnitReplies = ["该机关书面同意公开。", "该机关逾期未提出意见，视为同意公开。"];

    private sealed partial class Year
    {
        private string Describe(DemoUnit demo, DateOnly day)
        {
            var place = demo.Place == "青岚市" && random.Next(3) == 0 ? Any(Districts) : demo.Place;
            return Any(Topics[Any(demo.Topics)]).Replace("{Y}", $"{day.Year - random.Next(3)}").Replace("{P}", place)
                .Replace("{A}", Any(Areas)).Replace("{R}", Any(Roads)).Replace("{R2}", Any(Roads)).Replace("{V}", Any(Villages));
        }

        /// <summary>An obviously fictional applicant: 「王某某」, ID numbers of region 999xxx, phone numbers 0000-xxxxxxxx.</summary>
        private void Applicant(Application a, ApplicantKind kind, DemoUnit demo, int number)
        {
            var person = $"{Any(Surnames)}某某";
            a.ApplicantKind = kind;
            a.Phone = $"0000-{random.Next(10_000_000, 100_000_000)}";
            a.Email = $"applicant{number:D4}@example.com";
            a.Address = $"{(demo.Place == "青岚市" ? "" : "青岚市")}{demo.Place}{Any(Roads)} {random.Next(1, 300)} 号";
            a.PostalCode = $"999{random.Next(100, 200)}";
            if (kind.IsOrganisation())
            {
                var (prefix, names) = Organisations[kind];
                var organisationBody = $"MA{random.Next(1_000_000):D6}";
                var body = $"{prefix}99{random.Next(100, 200):D4}{organisationBody}{OrganisationCode.OrganisationCheckCharacter(organisationBody)}";
                (a.ApplicantName, a.ContactPerson, a.IdType, a.IdNumber) = (Any(names), person, IdDocumentType.CreditCode, body + OrganisationCode.CreditCheckCharacter(body));
            }
            else if (random.Next(30) == 0)
            {
                (a.ApplicantName, a.IdType, a.IdNumber) = (person, IdDocumentType.Passport, $"DEMO{random.Next(1_000_000):D6}");
            }
            else
            {
                var first17 = $"999{random.Next(100, 1000)}{new DateOnly(1950, 1, 1).AddDays(random.Next(18_500)):yyyyMMdd}{random.Next(1000):D3}";
                (a.ApplicantName, a.IdType, a.IdNumber) = (person, IdDocumentType.ResidentIdCard, first17 + ResidentIdNumber.CheckCharacter(first17));
            }
            (a.Form, a.Delivery) = a.Channel switch
            {
                SubmissionChannel.Online => (InformationForm.Electronic, random.Next(5) < 3 ? DeliveryMethod.Email : DeliveryMethod.Online),
                SubmissionChannel.InPerson => random.Next(2) == 0 ? (InformationForm.Paper, DeliveryMethod.PickUp) : (InformationForm.Electronic, DeliveryMethod.Email),
                SubmissionChannel.Fax => (InformationForm.Paper, DeliveryMethod.Fax),
                _ => (InformationForm.Paper, DeliveryMethod.Post),
            };
        }

        private Twist Maybe(double percent, Twist twist) => random.NextDouble() * 100 < percent ? twist : Twist.None;

        private T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private T Pick<T>(IReadOnlyList<T> items, Func<T, int> weight)
        {
            var ticket = random.Next(items.Sum(weight));
            foreach (var item in items)
            {
                if ((ticket -= weight(item)) < 0)
                    return item;
            }
            return items[^1];
        }

        private Unit Other(Unit unit) => Pick(units.Where(u => u.Unit.Id != unit.Id).ToList(), u => u.Demo.Weight).Unit;

        private Outcome Draw()
        {
            if (deck.Count == 0)
            {
                var cards = Deck.SelectMany(c => Enumerable.Repeat(c.Outcome, c.Count)).ToArray();
                random.Shuffle(cards);
                foreach (var card in cards)
                    deck.Enqueue(card);
            }
            return deck.Dequeue();
        }
    }
}
