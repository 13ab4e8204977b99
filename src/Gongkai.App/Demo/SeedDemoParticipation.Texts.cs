using Gongkai.App.Participation;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;

namespace Gongkai.App.Demo;

/// <summary>The demo's participation texts: fictional drafts, opinions, questions and answers of 青岚市 (all invented).</summary>
public sealed partial class SeedDemoParticipation
{
    /// <summary>A demo solicitation: its unit, kind, title, the day it opens (days before today), its length in days, and what happened after.</summary>
    private sealed record DemoSolicitation(string Unit, SolicitationKind Kind, string Subject, int OpenedDaysAgo, int Days, bool Feedback,
        bool LinksPolicy = false, bool ConcernsBusinesses = false, string ShortReason = "", bool Draft = false, bool ShowComments = true)
    {
        public Genre PolicyGenre => Kind == SolicitationKind.Rule ? Genre.Rule : Genre.NormativeDocument;
    }

    private static readonly DemoSolicitation[] Solicitations =
    [
        new("city", SolicitationKind.Rule, "城市道路挖掘管理办法", 420, 30, true, LinksPolicy: true),
        new("zjj", SolicitationKind.NormativeDocument, "住宅小区停车位配置管理办法", 330, 14, true, LinksPolicy: true),
        new("fgw", SolicitationKind.MajorDecision, "“十五五”综合交通发展规划", 250, 30, true),
        new("city", SolicitationKind.Rule, "河道管理办法", 160, 30, true, LinksPolicy: true),
        new("jyj", SolicitationKind.NormativeDocument, "中小学课后服务管理办法", 90, 12, false),
        new("stj", SolicitationKind.NormativeDocument, "餐饮油烟污染防治管理办法", 36, 20, false, ConcernsBusinesses: true,
            ShortReason: "按照省生态环境厅关于年内完成餐饮油烟专项整治的工作部署，本办法须于下月出台，征求意见期限缩短为 20 日。"),
        new("city", SolicitationKind.Rule, "养犬管理规定（修订）", 6, 30, false),
        new("yy", SolicitationKind.Other, "老旧小区改造实施方案", 3, 15, false),
        new("wjw", SolicitationKind.NormativeDocument, "院前医疗急救管理办法", 0, 10, false, Draft: true),
    ];

    private static readonly string[] FirstArticles =
    [
        "为了规范{X}工作，保障公共安全和公众合法权益，根据有关法律法规，结合本市实际，制定本办法。",
        "本办法适用于本市行政区域内的{X}及其监督管理活动。",
        "市、区（县）人民政府应当加强对{X}工作的领导，建立协调机制，将所需经费列入本级财政预算。",
        "主管部门负责{X}的统一监督管理；发展改革、财政、自然资源规划、生态环境、城管执法等部门按照各自职责做好相关工作。",
        "从事{X}活动的单位应当制定工作方案，明确责任人，并在实施前向主管部门报告。",
        "主管部门应当建立信息公开制度，通过政府门户网站公布办事指南、办理流程和监督电话。",
        "鼓励和支持社会公众参与{X}工作的监督，对违反本办法的行为可以向主管部门投诉举报。",
        "违反本办法规定的，由主管部门责令限期改正；逾期不改正的，依照有关法律法规予以处罚。",
        "本办法自发布之日起施行。",
    ];

    private static readonly string[] Explanations =
    [
        "一、起草背景。近年来，本市{X}工作中出现了一些新情况、新问题，原有规定已不能完全适应工作需要，有必要制定新的规定。",
        "二、起草过程。起草过程中，起草单位赴各区（县）开展调研，召开座谈会听取有关部门、企业和市民代表意见，并经合法性审核。",
        "三、主要内容。征求意见稿共九条，主要规定了适用范围、部门职责、实施要求、信息公开和法律责任等内容。",
    ];

    /// <summary>Opinions from the public: (article or 0 for the whole draft, text, adoption, reason).</summary>
    private static readonly (int Article, string Text, Adoption Adoption, string Reason)[] Opinions =
    [
        (1, "建议在制定依据中写明所依据的上位法名称，便于市民查找。", Adoption.Adopted, ""),
        (2, "适用范围是否包括开发区和景区，建议予以明确。", Adoption.Adopted, ""),
        (3, "建议明确各区经费保障的具体比例。", Adoption.NotAdopted, "经费比例由各级预算依法确定，不宜在本办法中规定"),
        (4, "部门职责写得较笼统，建议列出牵头部门和配合部门。", Adoption.PartlyAdopted, ""),
        (5, "建议要求实施单位在现场公示责任人和联系电话。", Adoption.Adopted, ""),
        (6, "信息公开应当包括每月的办理情况统计。", Adoption.PartlyAdopted, ""),
        (7, "希望开通微信举报渠道，方便上班族。", Adoption.NotAdopted, "已有 12345 热线和政府网站互动渠道，暂不另设渠道"),
        (8, "处罚力度太轻，建议提高罚款额度。", Adoption.NotAdopted, "罚款数额须依照上位法规定，本办法无权设定"),
        (0, "整体赞同，希望尽快出台。", Adoption.Adopted, ""),
        (0, "建议对老年人、残疾人等群体作出照顾性规定。", Adoption.PartlyAdopted, ""),
        (9, "施行日期建议给予 30 日准备期。", Adoption.NotAdopted, "已采纳相近意见，改为自发布之日起 30 日后施行"),
        (3, "建议增加定期评估的规定。", Adoption.NotAdopted, "属于工作层面安排，将在配套文件中明确"),
    ];

    private static readonly string[] Names = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "徐明", "孙丽"];

    private sealed record DemoSurvey(string Unit, string Title, string Introduction, int OpenedDaysAgo, int Days, bool Results, int Responses, SurveyQuestion[] Questions);

    private static readonly DemoSurvey[] Surveys =
    [
        new("city", "青岚市政府门户网站满意度调查", "为进一步改进政府门户网站建设，请您抽出几分钟时间填写本问卷。", 400, 30, true, 180,
        [
            new() { Text = "您对本网站的总体评价", Kind = SurveyQuestionKind.SingleChoice, Options = ["非常满意", "满意", "一般", "不满意"] },
            new() { Text = "您经常访问的栏目（可多选）", Kind = SurveyQuestionKind.MultipleChoice, Options = ["政府信息公开", "政务服务", "互动交流", "政策解读", "新闻动态"] },
            new() { Text = "您对本网站的意见和建议", Kind = SurveyQuestionKind.Text, Required = false },
        ]),
        new("zjj", "住宅小区物业服务质量问卷调查", "了解市民对所在小区物业服务的评价，为完善物业服务标准提供参考。", 120, 20, true, 96,
        [
            new() { Text = "您所在小区物业服务总体情况", Kind = SurveyQuestionKind.SingleChoice, Options = ["好", "较好", "一般", "较差"] },
            new() { Text = "您认为最需要改进的方面（可多选）", Kind = SurveyQuestionKind.MultipleChoice, Options = ["环境卫生", "安全秩序", "设施维修", "收费公开", "服务态度"] },
        ]),
        new("jyj", "中小学课后服务家长问卷", "了解家长对课后服务时间、内容和收费的意见。", 4, 20, false, 37,
        [
            new() { Text = "孩子目前是否参加学校课后服务", Kind = SurveyQuestionKind.SingleChoice, Options = ["参加", "未参加"] },
            new() { Text = "您希望增加的课后服务内容（可多选）", Kind = SurveyQuestionKind.MultipleChoice, Options = ["作业辅导", "体育活动", "艺术活动", "科技活动", "阅读"] },
            new() { Text = "其他意见", Kind = SurveyQuestionKind.Text, Required = false },
        ]),
    ];

    private static readonly string[] SurveySuggestions = ["希望搜索功能更准确。", "办事指南可以再详细一些。", "手机上访问速度有时较慢。", "建议增加常见问题解答。"];

    private sealed record DemoInterview(string Unit, string Title, string Introduction, int DaysAgo, Participant[] Guests, (string Q, string A)[] Questions, bool Transcript);

    private static readonly DemoInterview[] Interviews =
    [
        new("fgw", "优化营商环境 助力企业发展", "市发展改革委主要负责同志做客政府网站，介绍本市优化营商环境的举措并回答网民提问。", 380,
            [new() { Name = "陈志远", Title = "市发展改革委主任", Principal = true }, new() { Name = "林小雨", Title = "市发展改革委营商环境处处长" }],
            [
                ("企业开办现在需要多长时间？", "目前企业开办全流程压缩至 1 个工作日内，申请人可通过“一网通办”平台一次提交材料。"),
                ("中小企业融资难，有什么支持政策？", "市里设立了中小企业应急转贷资金，并与多家银行合作推出信用贷款产品，具体可咨询 12345 热线。"),
                ("涉企收费清单在哪里可以查到？", "涉企收费目录清单已在政府门户网站“政府信息公开”栏目公布，并实行动态调整。"),
                ("工程建设项目审批时间能否再缩短？", "我们正在推行区域评估和告知承诺制，一般社会投资项目审批时间将进一步压缩。"),
            ], true),
        new("zjj", "老旧小区改造政策解读", "市住房城乡建设局负责同志解读老旧小区改造政策，回答居民关心的问题。", 150,
            [new() { Name = "郑海波", Title = "市住房城乡建设局副局长" }],
            [
                ("哪些小区可以纳入改造计划？", "2000 年底前建成、基础设施老化、居民改造意愿强烈的住宅小区，可由街道申报纳入年度改造计划。"),
                ("改造要不要居民出钱？", "基础类改造由财政资金承担，完善类和提升类改造鼓励居民按照“谁受益、谁出资”的原则合理分担。"),
                ("加装电梯怎么申请？", "由本单元业主协商一致后向街道提出申请，符合条件的可以享受财政补助。"),
            ], true),
        new("jyj", "中小学课后服务答网民问", "市教育局负责同志就课后服务安排在线回答家长提问。", -5,
            [new() { Name = "许文静", Title = "市教育局局长", Principal = true }],
            [("课后服务可以延长到几点？", "")], false),
    ];

    private static readonly (string Unit, string Title, int DaysAgo, string Speaker, bool Principal)[] Conferences =
    [
        ("city", "青岚市 2025 年国民经济和社会发展情况新闻发布会", 340, "青岚市副市长", false),
        ("fgw", "优化营商环境三年行动计划新闻发布会", 300, "市发展改革委主任", true),
        ("stj", "生态环境质量状况新闻发布会", 230, "市生态环境局局长", true),
        ("wjw", "冬春季传染病防控工作新闻发布会", 120, "市卫生健康委副主任", false),
        ("zjj", "老旧小区改造工作新闻发布会", 60, "市住房城乡建设局局长", true),
        ("city", "青岚市 2026 年重点民生实事进展新闻发布会", 20, "青岚市市长", true),
    ];

    private static readonly (string Unit, string Concern, int DaysAgo, ResponseChannel Channel, int Hours, string Response)[] Responses =
    [
        ("zjj", "网传部分小区停车收费大幅上涨", 350, ResponseChannel.Statement, 4, "经核实，相关小区停车收费标准未作调整，网传信息不实。"),
        ("stj", "市民反映城东片区夜间异味", 280, ResponseChannel.WeiboWeChat, 30, "经现场检查，异味来源为一家企业废气处理设施故障，已责令停产整改。"),
        ("jyj", "家长关注义务教育招生政策调整", 200, ResponseChannel.PressConference, 20, "在招生工作新闻发布会上说明了今年招生政策的主要变化。"),
        ("wjw", "网传某医院停诊", 130, ResponseChannel.Statement, 9, "经核实，该医院门诊正常开放，部分科室因搬迁调整了就诊地点。"),
        ("fgw", "企业关注惠企政策兑现进度", 90, ResponseChannel.Interview, 40, "接受媒体采访，介绍了惠企政策兑现平台的办理情况。"),
        ("zjj", "老旧小区改造施工扰民", 58, ResponseChannel.PressConference, 26, "在老旧小区改造工作新闻发布会上通报了施工时间管理要求。"),
        ("city", "暴雨期间道路积水", 25, ResponseChannel.WeiboWeChat, 3, "通过政务微博实时发布积水路段和绕行提示。"),
        ("yy", "映月区菜市场改造期间摊位安置", 8, ResponseChannel.Other, 60, "在社区公告栏和区政府网站发布了临时摊位安置方案。"),
    ];
}
