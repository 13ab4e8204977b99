namespace Gongkai.Core.Catalog;

/// <summary>
/// Where a 法定主动公开内容 topic is found on the portal: catalog items of a 体裁 or a 主题分类 (first or second level, as
/// 「财政、金融、审计\财政」), a full-text search, or one of the portal's own pages (the units' guides hold 机关职能 etc.).
/// </summary>
public sealed record StatutoryTopic(string Label, Genre? Genre = null, string? Theme = null, string? Query = null, string? Page = null);

/// <summary>One item of 《政府信息公开条例》第二十条: its number (「一」), its text, and where the portal keeps it.</summary>
public sealed record StatutoryItem(int Number, string Numeral, string Text, IReadOnlyList<StatutoryTopic> Topics);

/// <summary>
/// 法定主动公开内容: the fifteen kinds of government information that 《中华人民共和国政府信息公开条例》（国务院令第711号）
/// 第二十条 says every administrative organ shall disclose on its own initiative, each mapped — in this one place — to the
/// catalog's 体裁 and 主题分类 (the gov.cn classification, <see cref="CatalogTerms.Themes"/>). Items the classification has no
/// heading for (行政许可, 行政处罚, 政府采购, 重大建设项目, 公务员招考) are found by full-text search; (二) is the units' guides.
/// </summary>
public static class StatutoryDisclosure
{
    /// <summary>
    /// 政府信息公开制度, the home page's second standard column: the catalog keeps an organ's own rules on openness work
    /// (its 政务公开 规定、制度、工作要点) under this 主题分类, so the column is the catalog filtered by it.
    /// </summary>
    public const string DisclosureRulesTheme = "综合政务\\政务公开";

    public static readonly IReadOnlyList<StatutoryItem> Article20 =
    [
        new(1, "一", "行政法规、规章和规范性文件",
            [new("规章", Genre: Genre.Rule), new("行政规范性文件", Genre: Genre.NormativeDocument)]),
        new(2, "二", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
            [new("机构信息", Page: "/units")]),
        new(3, "三", "国民经济和社会发展规划、专项规划、区域规划及相关政策",
            [new("规划", Genre: Genre.Plan), new("发展规划、计划", Theme: "国民经济管理、国有资产监管\\国民经济发展规划、计划")]),
        new(4, "四", "国民经济和社会发展统计信息",
            [new("统计信息", Theme: "国民经济管理、国有资产监管\\统计")]),
        new(5, "五", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
            [new("行政许可", Query: "行政许可")]),
        new(6, "六", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
            [new("行政处罚", Query: "行政处罚"), new("行政强制", Query: "行政强制")]),
        new(7, "七", "财政预算、决算信息",
            [new("财政", Theme: "财政、金融、审计\\财政"), new("审计", Theme: "财政、金融、审计\\审计")]),
        new(8, "八", "行政事业性收费项目及其依据、标准",
            [new("物价与收费", Theme: "市场监管、安全生产监管\\物价"), new("行政事业性收费", Query: "收费")]),
        new(9, "九", "政府集中采购项目的目录、标准及实施情况",
            [new("政府采购", Query: "政府采购")]),
        new(10, "十", "重大建设项目的批准和实施情况",
            [new("重大建设项目", Query: "重大建设项目"), new("城乡建设", Theme: "城乡建设、环境保护\\城乡建设（含住房）")]),
        new(11, "十一", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
            [new("扶贫", Theme: "民政、扶贫、救灾\\扶贫"), new("教育", Theme: "科技、教育\\教育"), new("医疗卫生", Theme: "卫生、体育\\卫生"),
             new("社会保障", Theme: "民政、扶贫、救灾\\社会福利"), new("就业", Theme: "劳动、人事、监察")]),
        new(12, "十二", "突发公共事件的应急预案、预警信息及应对情况",
            [new("应急管理", Theme: "综合政务\\应急管理")]),
        new(13, "十三", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
            [new("环境保护", Theme: "城乡建设、环境保护\\环境监测、保护与治理"), new("安全生产", Theme: "市场监管、安全生产监管\\安全生产监管"),
             new("市场监管", Theme: "市场监管、安全生产监管\\市场监管")]),
        new(14, "十四", "公务员招考的职位、名额、报考条件等事项以及录用结果",
            [new("公务员招考", Query: "公务员")]),
        new(15, "十五", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
            [new("全部主动公开信息", Page: "/xxgk")]),
    ];

    /// <summary>
    /// The items of 第二十条 a catalog item falls under by its 体裁 and 主题分类 (a topic of a first-level theme takes all its
    /// second levels); empty when only search or a portal page finds it.
    /// </summary>
    public static IReadOnlyList<StatutoryItem> ItemsFor(Genre genre, string theme) =>
        [.. Article20.Where(item => item.Topics.Any(t => t.Genre == genre || (t.Theme is { } th && (theme == th || theme.StartsWith(th + "\\", StringComparison.Ordinal)))))];
}
