using Gongkai.Core.Letters;

namespace Gongkai.App.Demo;

public sealed partial class SeedDemoLetters
{
    /// <summary>
    /// A matter people write about: the unit that handles it (a demo unit key, or null for the mailbox's own unit), the
    /// type, the subject and content with {0} a place and {1} a 小区, and the answer. Written for the fictional 青岚市
    /// after the letters real 市长信箱 publish (roads and lights, schools, housing, noise, health insurance, buses).
    /// </summary>
    private sealed record Matter(string? Unit, LetterType Type, string Subject, string Content, string Answer);

    private static readonly string[] Places = ["青岚大道", "望山路", "文昌路", "碧水街", "安居路", "仁和路", "映月路", "新月街", "松涛大街", "育才路", "星桥路", "望湖东路"];

    private static readonly string[] Estates = ["翠湖苑", "星河湾", "望湖花园", "松涛家园", "文昌小区", "碧水名邸", "安居新村", "映月华庭", "竹溪雅苑", "鹿鸣春晓"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];

    private static readonly string[] GivenNames = ["伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建华", "志强", "晓燕", "海波"];

    private static readonly Matter[] Matters =
    [
        new(null, LetterType.Consultation, "{0}路灯夜间不亮", "{0}靠近{1}一段的路灯已经连续两周晚上不亮，行人和电动车经过很不安全，请问由哪个部门负责维修，什么时候能修好？",
            "经核实，该路段路灯由市城市管理部门负责维护。因供电线路老化导致故障，维修单位已于近日更换线路，路灯已恢复正常照明。感谢您的反映。"),
        new(null, LetterType.Suggestion, "建议{0}增设人行横道", "{0}与{1}出入口之间没有人行横道，早晚高峰老人和学生横穿马路很危险，建议增设人行横道和信号灯。",
            "您的建议已转交公安交通管理部门研究。经现场勘查，该处具备设置条件，已列入本年度交通设施完善计划，预计下季度完成施划并设置提示标志。"),
        new("jyj", LetterType.Consultation, "{1}片区小学入学划片咨询", "我家住在{1}，孩子明年上小学，请问{1}属于哪所小学的招生范围？划片方案什么时候公布？",
            "义务教育学校招生范围每年由教育部门统一划定，并于四月底前在市教育局网站和各学校公告栏公布。{1}目前属于文昌路小学招生范围，具体以当年公布的方案为准。"),
        new("jyj", LetterType.Complaint, "{1}附近校外培训机构收费不规范", "{1}附近一家培训机构一次性收取一年学费，还不开具发票，家长担心机构跑路，请有关部门检查。",
            "经市教育局会同市场监管部门检查，该机构存在超期收费问题，已责令整改，将预收费用纳入资金监管账户，并按规定开具票据。"),
        new("zjj", LetterType.Consultation, "{1}房产证办理进度", "我们{1}小区交房已经两年了，房产证一直没有办下来，请问是什么原因，什么时候能办？",
            "经核查，{1}项目因开发企业配套设施尚未竣工验收，暂不具备首次登记条件。住建部门已约谈开发企业，督促其于年内完成验收，届时将集中办理不动产权证书。"),
        new("zjj", LetterType.Complaint, "{1}物业服务差、电梯经常故障", "{1}物业公司收费后不履行职责，电梯每月坏好几次，楼道垃圾几天不清运，业主多次反映无果。",
            "住建部门已约谈该物业服务企业，责令其对电梯开展全面检修并加强日常保洁。物业已更换电梯主板，维保单位承诺每月两次巡检。如仍有问题可拨打物业服务投诉电话。"),
        new("zjj", LetterType.Suggestion, "{1}老旧小区改造加装电梯", "{1}是上世纪九十年代的老小区，住户老人多，建议纳入老旧小区改造计划并支持加装电梯。",
            "{1}已纳入明年老旧小区改造计划，改造内容包括管网更新、外墙保温和加装电梯。加装电梯可按规定申请财政补助，具体办法请咨询所在街道。"),
        new("stj", LetterType.Complaint, "{0}沿街餐馆油烟扰民", "{0}上一家烧烤店油烟直排，住在楼上的居民窗户都不敢开，晚上还很吵，请环保部门处理。",
            "生态环境部门执法人员已到现场检查，该店未安装油烟净化设施，已下达责令改正通知书，商户已安装净化设备并调整营业时间。"),
        new("stj", LetterType.Complaint, "{1}旁工地夜间施工噪音", "{1}旁边的工地晚上十一点以后还在施工，噪音很大，影响居民休息，已经持续一周。",
            "经查，该工地未取得夜间施工许可，执法部门已依法立案查处，并责令其夜间停止高噪声作业。如再发现夜间违规施工，可拨打环境投诉热线。"),
        new("wjw", LetterType.Consultation, "异地就医备案怎么办理", "我父母在外地居住，医保在青岚，请问异地就医备案需要什么材料，可以网上办理吗？",
            "异地就医备案可通过国家医保服务平台或本市医保公众号线上办理，需提供身份证件和异地居住证明或承诺书。备案后在就医地定点医院可直接结算。"),
        new("wjw", LetterType.Suggestion, "建议医院增加夜间门诊", "市人民医院白天挂号难，上班族看病只能请假，建议增加夜间门诊和周末门诊。",
            "市卫生健康委已指导市人民医院开设工作日夜间门诊（18:00—21:00）和周六全天门诊，涵盖内科、儿科等常见科室。"),
        new("czj", LetterType.Consultation, "耕地地力保护补贴发放时间", "请问今年的耕地地力保护补贴什么时候发放？发到哪张卡上？",
            "今年耕地地力保护补贴已于六月底前通过“一卡通”发放至农户账户。如未收到，请携带身份证和存折到所在乡镇财政所查询。"),
        new("fgw", LetterType.Complaint, "{0}停车场收费不明码标价", "{0}一家停车场没有公示收费标准，临时停车两小时收二十元，请核查是否合规。",
            "经价格主管部门检查，该停车场未按规定公示收费标准，已责令立即公示并退还多收费用，同时对其进行了提醒告诫。"),
        new("zrzyj", LetterType.Consultation, "宅基地建房审批流程", "我想在老家翻建住房，请问宅基地建房需要哪些审批手续，在哪里办理？",
            "农村村民建房需向村民委员会提出申请，经乡镇人民政府审核批准后办理乡村建设规划许可。具体材料清单可向所在乡镇便民服务中心咨询。"),
        new(null, LetterType.HelpRequest, "{1}小区停水三天无人解决", "{1}从前天开始停水，已经三天了，小区里有很多老人，生活很不方便，请帮忙协调尽快恢复供水。",
            "经协调，停水原因是小区二次供水泵房设备故障，供水企业已连夜抢修，目前已恢复正常供水。对给居民带来的不便深表歉意。"),
        new(null, LetterType.Suggestion, "建议延长12路公交运营时间", "12路公交末班车晚上八点就停运了，很多下晚班的人回不了家，建议延长到晚上十点。",
            "交通运输部门已根据客流调查情况，将12路公交末班车时间调整为21:30，下月起执行，将持续关注客流变化。"),
        new(null, LetterType.Other, "为{0}环卫工人点赞", "每天早上看到{0}的环卫工人把街道打扫得干干净净，非常辛苦，希望政府多关心他们的待遇。",
            "感谢您对环卫工人的关心。我市已为一线环卫工人提高了高温补贴标准，并在主要路段设置了爱心驿站，方便环卫工人休息。"),
    ];

    /// <summary>What an invalid letter says (screened out with the reason beside it).</summary>
    private static readonly (InvalidReason Reason, string Subject, string Content)[] Invalid =
    [
        (InvalidReason.Advertising, "专业代办各类资质", "本公司专业代办各类资质证书，价格优惠，速度快，有需要的请联系我们。"),
        (InvalidReason.Empty, "问一下", "有个事情想问一下，请尽快回复我，谢谢谢谢谢谢。"),
        (InvalidReason.Duplicate, "{1}物业服务差（再次反映）", "和上次反映的一样，{1}物业还是不管，请尽快处理，请尽快处理。"),
        (InvalidReason.NotOurMatter, "外省某地房产纠纷", "我在外省购买的房子开发商延期交房，请青岚市政府帮我追究开发商责任。"),
    ];

    private static readonly (TransferChannel Channel, string Party, string Subject, string Content)[] Transferred =
    [
        (TransferChannel.Petition, "青岚市信访局", "征地补偿标准有异议", "我家承包地被征收，补偿标准比邻村低很多，多次找村里没有结果，要求重新核定补偿。"),
        (TransferChannel.Discipline, "青岚市纪委监委", "举报某单位工作人员吃拿卡要", "办理营业执照时，窗口工作人员暗示要“意思一下”才能快点办，请查处。"),
    ];

    /// <summary>Website errors reported through 我为政府网站找错.</summary>
    private static readonly (string Subject, string Content, string Page, string Answer)[] SiteErrors =
    [
        ("政策文件链接打不开", "市政府网站“政策文件”栏目里一份通知的附件链接点击后显示404，无法下载。", "/xxgk/", "经核查，该附件因网站迁移路径变更导致无法访问，现已修复，感谢您的纠错。"),
        ("领导分工信息未更新", "网站“领导信息”栏目里的分工还是去年的，和新闻报道的不一致。", "/units/", "已联系市政府办公室核实，领导分工信息已更新为最新内容。"),
        ("手机上表格显示不全", "用手机打开年度报告，表格右边的几列看不到。", "/nb/", "已优化年度报告页面在手机上的显示，表格可以左右滑动查看。"),
    ];
}
