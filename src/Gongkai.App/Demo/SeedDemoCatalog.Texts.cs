using System.Text;
using Gongkai.Core.Units;
using G = Gongkai.Core.Catalog.Genre;

namespace Gongkai.App.Demo;

/// <summary>
/// What the demo catalog is made of: who publishes how much, what each kind of unit issues (a few particular documents,
/// and the usual kinds of document on each of its fields of work), and the paragraphs the bodies are composed from.
/// Places are the fictional ones of 青岚市; no text names a person or carries a number like a phone, ID or card number.
/// </summary>
public sealed partial class SeedDemoCatalog
{
    /// <param name="Key">The unit's key in <see cref="SeedDemoData"/>; <paramref name="Weight"/>: its share of the items.</param>
    /// <param name="Abbreviation">Its 文号 stem: 青政 (青政发、青政办发), 青教 (青教发、青教规).</param>
    /// <param name="Field">The <see cref="Domains"/> and <see cref="Topics"/> it issues on; <paramref name="To"/>: its notices' addressees.</param>
    private sealed record Publisher(string Key, int Weight, string Place, string Abbreviation, string Field, string To);

    private static readonly Publisher[] Publishers =
    [
        new("city", 16, "青岚市", "青政", "政府", "各区县人民政府，市政府各部门，各有关单位："),
        new("fgw", 5, "青岚市", "青发改", "发改", "各区县发展改革部门，各有关单位："),
        new("jyj", 7, "青岚市", "青教", "教育", "各区县教育局，市直各学校，各有关单位："),
        new("czj", 6, "青岚市", "青财", "财政", "各区县财政局，市直各预算单位："),
        new("zrzyj", 8, "青岚市", "青自然资", "资源", "各区县自然资源主管部门，局属各单位："),
        new("stj", 6, "青岚市", "青环", "环境", "各区县生态环境分局，各有关单位："),
        new("zjj", 7, "青岚市", "青建", "住建", "各区县住房和城乡建设局，各有关单位："),
        new("wjw", 6, "青岚市", "青卫健", "卫健", "各区县卫生健康局，市直各医疗卫生单位："),
        new("yy", 9, "映月区", "映政", "政府", "各街道办事处，区政府各部门，各有关单位："),
        new("yy-jyj", 3, "映月区", "映教", "教育", "区属各学校、幼儿园，各有关单位："),
        new("yy-czj", 2, "映月区", "映财", "财政", "区直各预算单位，各街道财政所："),
        new("yy-zjj", 3, "映月区", "映建", "住建", "各街道办事处，各有关单位："),
        new("yy-xq", 2, "星桥街道", "星街", "乡镇", "各社区居民委员会，街道各科室："),
        new("yy-wh", 2, "望湖街道", "望街", "乡镇", "各社区居民委员会，街道各科室："),
        new("st", 8, "松涛区", "松政", "政府", "各街道办事处、镇人民政府，区政府各部门："),
        new("st-jyj", 3, "松涛区", "松教", "教育", "区属各学校、幼儿园，各有关单位："),
        new("st-wjj", 2, "松涛区", "松卫健", "卫健", "区属各医疗卫生单位，各有关单位："),
        new("st-zx", 2, "竹溪镇", "竹政", "乡镇", "各村（居）民委员会，镇属各单位："),
        new("st-stjd", 2, "松涛街道", "松街", "乡镇", "各社区居民委员会，街道各科室："),
        new("lm", 8, "鹿鸣县", "鹿政", "政府", "各乡镇人民政府，县政府各部门，各有关单位："),
        new("lm-czj", 2, "鹿鸣县", "鹿财", "财政", "县直各预算单位，各乡镇财政所："),
        new("lm-zrzyj", 3, "鹿鸣县", "鹿自然资", "资源", "各乡镇人民政府，局属各单位："),
        new("lm-bl", 2, "白鹭镇", "白政", "乡镇", "各村民委员会，镇属各单位："),
        new("lm-sm", 1, "石门乡", "石政", "乡镇", "各村民委员会，乡属各单位："),
    ];

    /// <summary>
    /// A document a unit of <paramref name="Field"/> (or any unit: 通用) issues. In titles and subjects: {O} issuing organ,
    /// {P} place, {S} subject, {Y} year, {L} last year, {Y2} the year after next, {N} batch, {Month} and {Quarter} the last
    /// ones, {A} 片区, {R} road, {V} village, {No} 地块编号, and in <see cref="Templates"/> {X} the field of work. The first
    /// keyword names the matter in the body.
    /// </summary>
    private sealed record Topic(string Field, G Genre, string Theme, string Title, string Subject, string Keywords);

    private const string Issue = "{O}关于印发{S}的通知";

    private static readonly Topic[] Topics =
    [
        new("政府", G.Notice, "国民经济管理、国有资产监管\\经济体制改革", Issue, "{P}{Y}年优化营商环境工作要点", "营商环境 工作要点"),
        new("政府", G.Announcement, "国土资源、能源\\土地", "{O}关于{S}的公告", "{Y}年第{N}批次城镇建设用地征收土地", "征收土地 建设用地"),
        new("政府", G.Announcement, "城乡建设、环境保护\\城乡建设（含住房）", "{O}关于{S}的公告", "{A}国有土地上房屋征收决定", "房屋征收 征收决定"),
        new("政府", G.Report, "财政、金融、审计\\财政", "{S}", "{P}{L}年财政预算执行情况报告", "预算执行 财政"),
        new("政府", G.Report, "综合政务", "{S}", "{P}{Y}年政府工作报告", "政府工作 报告"),
        new("政府", G.Plan, "国民经济管理、国有资产监管\\国民经济发展规划、计划", "{S}", "{P}国民经济和社会发展第十五个五年规划纲要", "国民经济 五年规划"),
        new("政府", G.Plan, "城乡建设、环境保护\\城市规划", "{S}", "{P}国土空间总体规划（2021—2035年）", "国土空间 总体规划"),
        new("政府", G.Other, "国民经济管理、国有资产监管\\统计", "{S}", "{P}{L}年国民经济和社会发展统计公报", "统计公报 国民经济"),
        new("政府", G.Other, "国民经济管理、国有资产监管\\统计", "{S}", "{P}{Month}主要经济指标", "经济指标 统计"),
        new("政府", G.Rule, "城乡建设、环境保护\\城乡建设（含住房）", "{S}", "{P}城市道路挖掘管理办法", "城市道路 挖掘"),
        new("政府", G.Rule, "农业、林业、水利\\水利", "{S}", "{P}河道管理办法", "河道 水利"),
        new("政府", G.Rule, "公安、安全、司法\\公安", "{S}", "{P}养犬管理规定", "养犬 公共秩序"),
        new("发改", G.Other, "国民经济管理、国有资产监管\\国民经济发展规划、计划", "{O}关于{S}的批复", "{R}改造工程可行性研究报告", "可行性研究 项目审批"),
        new("发改", G.Other, "市场监管、安全生产监管\\物价", "{S}", "{P}{Month}主要农副产品价格监测情况", "价格监测 农副产品"),
        new("教育", G.Notice, "科技、教育\\教育", "{O}关于做好{S}的通知", "{Y}年义务教育学校招生入学工作", "义务教育 招生入学"),
        new("教育", G.Announcement, "科技、教育\\教育", "{O}关于{S}的公告", "{P}{Y}年中小学教师公开招聘", "教师招聘 公开招聘"),
        new("财政", G.Other, "财政、金融、审计\\财政", "{S}", "{P}{Month}财政收支情况", "财政收支 预算执行"),
        new("资源", G.Announcement, "国土资源、能源\\土地", "关于{S}的公告", "{Y}年第{N}批建设用地项目批前公示", "建设用地 批前公示"),
        new("资源", G.Announcement, "国土资源、能源\\土地", "{O}关于{S}的公告", "{No}号地块国有建设用地使用权挂牌出让", "土地出让 挂牌出让"),
        new("资源", G.Announcement, "城乡建设、环境保护\\城市规划", "关于{S}的批前公示", "{A}控制性详细规划修改方案", "控制性详细规划 批前公示"),
        new("环境", G.Other, "城乡建设、环境保护\\环境监测、保护与治理", "{S}", "{P}{Month}环境空气质量状况", "空气质量 环境监测"),
        new("环境", G.Report, "城乡建设、环境保护\\环境监测、保护与治理", "{S}", "{P}{L}年生态环境状况公报", "生态环境 状况公报"),
        new("住建", G.Other, "城乡建设、环境保护\\城乡建设（含住房）", "{S}", "{P}{Month}新建商品房网签备案情况", "商品房 网签备案"),
        new("住建", G.Announcement, "城乡建设、环境保护\\城乡建设（含住房）", "关于{S}的公示", "{R}综合改造工程设计方案", "综合改造 设计方案"),
        new("卫健", G.Other, "卫生、体育\\卫生", "{S}", "{P}{Quarter}法定传染病疫情概况", "传染病 疫情"),
        new("乡镇", G.Notice, "农业、林业、水利\\农业、畜牧业、渔业", "{O}关于做好{S}的通知", "{Y}年春耕备耕工作", "春耕备耕 农业"),
        new("乡镇", G.Announcement, "民政、扶贫、救灾\\社会福利", "关于{S}的公示", "{Quarter}城乡低保资金发放情况", "城乡低保 社会救助"),
        new("乡镇", G.Announcement, "农业、林业、水利\\水利", "关于{S}的公示", "{V}{Y}年小型水利工程项目", "小型水利 项目"),
        new("乡镇", G.Report, "综合政务\\其他", "{S}", "{P}{L}年工作总结和{Y}年工作计划", "工作总结 工作计划"),
        new("乡镇", G.Plan, "城乡建设、环境保护\\城市规划", "{S}", "{P}{V}村庄规划（2021—2035年）", "村庄规划 乡村振兴"),
        new("通用", G.Report, "综合政务\\政务公开", "{S}", "{O}{L}年政府信息公开工作年度报告", "政府信息公开 年度报告"),
        new("通用", G.Other, "财政、金融、审计\\财政", "{S}", "{O}{Y}年部门预算", "部门预算 预算公开"),
        new("通用", G.Other, "财政、金融、审计\\财政", "{S}", "{O}{L}年部门决算", "部门决算 决算公开"),
        new("通用", G.Other, "其他", "{S}", "{O}政府信息公开指南", "公开指南 政府信息公开"),
    ];

    /// <summary>The fields of work a unit issues on, by 主题分类; "*" marks work that takes only the "*" <see cref="Templates"/>.</summary>
    private sealed record Domain(string Field, string Theme, string[] Names);

    private static readonly Domain[] Domains =
    [
        new("政府", "综合政务\\政务公开", ["政务公开*", "政务服务"]), new("政府", "综合政务\\应急管理", ["应急管理", "防汛抗旱*"]),
        new("政府", "国民经济管理、国有资产监管\\经济体制改革", ["优化营商环境*"]), new("政府", "国民经济管理、国有资产监管\\国有资产监管", ["国有资产管理"]),
        new("政府", "财政、金融、审计\\审计", ["审计整改*"]), new("政府", "国土资源、能源\\土地", ["耕地保护"]), new("政府", "农业、林业、水利\\农业、畜牧业、渔业", ["乡村振兴*"]),
        new("政府", "农业、林业、水利\\水利", ["河湖长制*"]), new("政府", "工业、交通\\交通", ["交通运输"]), new("政府", "工业、交通\\工业", ["工业经济*"]),
        new("政府", "商贸、海关、旅游\\旅游", ["文化旅游"]), new("政府", "商贸、海关、旅游\\对外经贸合作", ["招商引资*"]),
        new("政府", "市场监管、安全生产监管\\安全生产监管", ["安全生产"]), new("政府", "市场监管、安全生产监管\\市场监管", ["食品安全"]),
        new("政府", "城乡建设、环境保护\\城乡建设（含住房）", ["市容环境卫生"]), new("政府", "科技、教育\\科技", ["科技创新"]),
        new("政府", "文化、广电、新闻出版\\文化", ["公共文化服务"]), new("政府", "文化、广电、新闻出版\\文物", ["文物保护"]), new("政府", "卫生、体育\\体育", ["全民健身"]),
        new("政府", "人口与计划生育、妇女儿童工作\\妇女儿童", ["妇女儿童发展*"]), new("政府", "劳动、人事、监察\\就业", ["就业创业"]), new("政府", "劳动、人事、监察", ["人才发展*"]),
        new("政府", "公安、安全、司法\\司法", ["法治政府建设*", "行政执法"]), new("政府", "公安、安全、司法\\公安", ["消防安全"]),
        new("政府", "民政、扶贫、救灾\\社会福利", ["养老服务"]), new("政府", "民族、宗教\\民族事务", ["民族团结进步*"]), new("政府", "民族、宗教\\宗教事务", ["宗教事务"]),
        new("政府", "对外事务", ["国际友好城市交往*"]), new("政府", "港澳台侨工作", ["侨务*"]), new("政府", "国防\\国防动员", ["征兵*", "国防动员*"]),
        new("政府", "其他", ["机关事务管理*"]), new("发改", "国民经济管理、国有资产监管\\国民经济发展规划、计划", ["重点项目建设", "社会信用体系建设"]),
        new("发改", "市场监管、安全生产监管\\物价", ["价格监督检查", "收费管理"]), new("发改", "国土资源、能源\\能源", ["能源保供*", "节能降碳"]),
        new("发改", "商贸、海关、旅游\\国内贸易（含供销）", ["粮食安全", "现代物流"]), new("发改", "民政、扶贫、救灾\\扶贫", ["以工代赈"]),
        new("教育", "科技、教育\\教育", ["学前教育", "义务教育", "校园安全", "学生资助", "教师队伍建设", "职业教育", "校外培训", "学校食堂"]),
        new("教育", "科技、教育\\科技", ["青少年科普*"]), new("教育", "卫生、体育\\体育", ["学校体育"]),
        new("财政", "财政、金融、审计\\财政", ["预算管理", "政府采购", "国库集中支付", "财政专项资金", "非税收入", "预算绩效"]),
        new("财政", "财政、金融、审计\\金融", ["政府债务管理", "普惠金融"]), new("财政", "农业、林业、水利\\农业、畜牧业、渔业", ["惠农补贴"]),
        new("资源", "国土资源、能源\\土地", ["耕地保护", "土地供应", "不动产登记", "土地整治"]), new("资源", "国土资源、能源\\矿产", ["地质灾害防治", "矿产资源"]),
        new("资源", "城乡建设、环境保护\\城市规划", ["国土空间规划", "建设工程规划许可"]), new("资源", "农业、林业、水利\\林业", ["林长制*", "森林资源"]),
        new("环境", "城乡建设、环境保护\\环境监测、保护与治理", ["大气污染防治", "水污染防治", "土壤污染防治", "固体废物", "噪声污染防治", "环境影响评价", "排污许可"]),
        new("环境", "城乡建设、环境保护\\节能与资源综合利用", ["碳排放"]), new("环境", "市场监管、安全生产监管\\安全生产监管", ["环境应急"]),
        new("住建", "城乡建设、环境保护\\城乡建设（含住房）", ["物业", "房地产市场", "保障性住房", "城镇老旧小区改造", "建筑市场", "城市燃气", "住房租赁"]),
        new("住建", "市场监管、安全生产监管\\安全生产监管", ["建筑施工安全"]), new("住建", "城乡建设、环境保护\\节能与资源综合利用", ["绿色建筑"]),
        new("卫健", "卫生、体育\\卫生", ["传染病防控", "基层卫生", "医疗质量", "老年健康", "职业健康", "爱国卫生*"]), new("卫健", "卫生、体育\\医药管理", ["医疗机构"]),
        new("卫健", "人口与计划生育、妇女儿童工作\\妇女儿童", ["妇幼健康"]), new("卫健", "人口与计划生育、妇女儿童工作\\人口与计划生育", ["婴幼儿照护服务", "计划生育家庭扶助"]),
        new("乡镇", "农业、林业、水利\\林业", ["森林防火*"]), new("乡镇", "农业、林业、水利\\农业、畜牧业、渔业", ["高标准农田建设", "秸秆综合利用"]),
        new("乡镇", "城乡建设、环境保护", ["人居环境整治", "农村危房改造"]), new("乡镇", "综合政务\\应急管理", ["防汛防台*"]),
        new("乡镇", "民政、扶贫、救灾\\社会福利", ["社会救助", "殡葬改革*"]), new("乡镇", "民政、扶贫、救灾", ["退役军人服务*"]),
        new("乡镇", "公安、安全、司法\\司法", ["矛盾纠纷排查化解*"]), new("乡镇", "综合政务\\其他", ["网格化服务管理*"]),
    ];

    /// <summary>The usual kinds of document on a field of work {X}: "*" for any, "**" for the fields not marked "*".</summary>
    private static readonly Topic[] Templates =
    [
        new("*", G.Notice, "", "{O}关于做好{S}的通知", "{Y}年{X}工作", "{X} 工作部署"),
        new("*", G.Notice, "", Issue, "{P}{Y}年{X}工作要点", "{X} 工作要点"),
        new("*", G.Notice, "", "{O}关于进一步加强{S}的通知", "{X}工作", "{X} 工作要求"),
        new("**", G.Notice, "", "{O}关于开展{S}的通知", "{Y}年{X}专项整治行动", "{X} 专项整治"),
        new("**", G.Notice, "", Issue, "{P}{X}提升行动实施方案", "{X} 实施方案"),
        new("**", G.NormativeDocument, "", Issue, "{P}{X}管理办法", "{X} 管理办法"),
        new("**", G.NormativeDocument, "", Issue, "{P}加强{X}工作若干措施", "{X} 政策措施"),
        new("**", G.Rule, "", "{S}", "{P}{X}管理规定", "{X} 管理规定"),
        new("**", G.Announcement, "", "{O}关于公开征求{S}意见的公告", "《{P}{X}管理办法（征求意见稿）》", "{X} 征求意见"),
        new("**", G.Announcement, "", "{O}关于{S}的公告", "{Y}年{X}领域“双随机、一公开”抽查结果", "{X} 双随机一公开"),
        new("**", G.Announcement, "", "关于{S}的公示", "{Y}年第{N}批{X}项目", "{X} 项目公示"),
        new("*", G.Report, "", "{S}", "{P}{L}年{X}工作情况报告", "{X} 工作报告"),
        new("**", G.Plan, "", "{S}", "{P}{X}三年行动计划（{Y}—{Y2}年）", "{X} 行动计划"),
        new("**", G.Plan, "", "{S}", "{P}“十五五”{X}规划", "{X} 专项规划"),
        new("**", G.Other, "", "{S}", "{P}{X}领域基层政务公开标准目录", "{X} 标准目录"),
        new("*", G.Other, "", "{S}", "{P}{Y}年{X}工作计划", "{X} 工作计划"),
        new("**", G.Other, "", "{O}关于{S}的通报", "{Quarter}{X}工作督查情况", "{X} 督查通报"),
        new("**", G.Notice, "", "{O}关于开展{S}的通知", "{A}{X}试点工作", "{X} 试点"),
        new("**", G.Announcement, "", "关于{S}的公示", "{Y}年{A}{X}示范点拟认定名单", "{X} 示范点"),
        new("**", G.Other, "", "{O}关于{S}的通报", "{A}{X}工作检查情况", "{X} 检查通报"),
    ];

    /// <summary>Names of the lesser places of 青岚市, each found as a road, a 片区, a village and a 社区, so a big catalog names many.</summary>
    private static readonly string[] PlaceNames =
    [
        "丰收", "光华", "锦绣", "明珠", "凤凰", "龙泉", "春晖", "嘉禾", "瑞祥", "康宁", "泰和", "长青", "金沙", "银杏", "玉兰", "翠竹", "兰溪", "梅岭",
        "柏林", "枫桥", "荷风", "芙蓉", "清河", "双溪", "三元", "五里", "七星", "九龙", "黄石", "红岩", "青山", "秀水", "朝阳", "晓月", "晨光", "东湖",
        "西苑", "南塘", "北岸", "中和",
    ];

    private static readonly string[] Areas =
    [
        "老城片区", "北湖片区", "东站片区", "河西片区", "白鹭湾片区", "竹溪新村片区", "望山片区", "云岗片区", "南湾片区", "滨江片区", "城南片区",
        "翠屏片区", "金桥片区", "松林片区", "高铁新城片区", "桃源片区", .. PlaceNames.Select(n => n + "片区"),
    ];

    private static readonly string[] Roads =
    [
        "青岚大道", "文昌路", "望山路", "碧水街", "安居路", "仁和路", "映月路", "新月街", "星桥路", "育才路", "松涛大街", "河西路", "滨江路",
        "桃源路", "鹿鸣大道", "白鹭路", "云岗路", "竹溪街", "金桥路", "翠屏路", "望湖东路", "学府路", "长乐街", "和平路",
        .. PlaceNames.Select(n => n + "路"), .. PlaceNames.Select(n => n + "街"),
    ];

    private static readonly string[] Villages =
    [
        "桃源村", "柳塘村", "云岗村", "石门村", "白鹭村", "竹溪村", "杏花村", "青石村", "枫林村", "龙潭村", "荷塘村", "梨园村", "北岭村", "清泉村",
        .. PlaceNames.Select(n => n + "村"),
    ];

    private static readonly string[] Communities =
        ["星桥社区", "望湖社区", "翠屏社区", "文昌社区", "安居社区", "新月社区", "育才社区", "仁和社区", "松涛社区", "桃李社区", .. PlaceNames.Select(n => n + "社区")];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];

    /// <summary>
    /// The words of one document: {O}, {S}, {Y} … as <see cref="Topic"/> and <see cref="Shape"/> name them, filled into a
    /// text in one pass; a name it does not know, such as {n}, is left as it is.
    /// </summary>
    private sealed class Words(StringBuilder scratch)
    {
        private static readonly string[] Names =
        [
            "{O}", "{P}", "{To}", "{Y}", "{L}", "{Y2}", "{N}", "{A}", "{R}", "{V}", "{Cm}", "{No}", "{Month}", "{Quarter}", "{D}", "{Ago}",
            "{Due}", "{K}", "{E}", "{Term}", "{Kind}", "{S}", "{C}", "{C2}", "{M}", "{Pct}", "{Pct2}",
        ];

        private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Slots =
            Names.Index().ToDictionary(n => n.Item, n => n.Index).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly string?[] values = new string?[Names.Length];

        public string this[string name]
        {
            get => values[Slots[name]] ?? name;
            set => values[Slots[name]] = value;
        }

        public Words Set(params ReadOnlySpan<(string Name, string Value)> words)
        {
            foreach (var (name, value) in words)
                this[name] = value;
            return this;
        }

        public string Fill(string template) =>
            template.Contains('{') ? Append(scratch.Clear(), template).ToString() : template;

        public int LengthOf(string template) => template.Contains('{') ? Append(scratch.Clear(), template).Length : template.Length;

        public StringBuilder Append(StringBuilder text, ReadOnlySpan<char> template)
        {
            for (int open; (open = template.IndexOf('{')) >= 0 && template[open..].IndexOf('}') is var close and > 0; template = template[(open + close + 1)..])
            {
                var name = template.Slice(open, close + 1);
                text.Append(template[..open]).Append(Slots.TryGetValue(name, out var slot) && values[slot] is { } value ? value : name);
            }
            return text.Append(template);
        }
    }

    /// <summary>How much of a unit's output is of each genre; of the governments only the city's issues 规章.</summary>
    private static readonly Dictionary<UnitKind, (G Genre, int Weight)[]> GenreMix = new()
    {
        [UnitKind.Government] = [(G.Rule, 3), (G.NormativeDocument, 9), (G.Notice, 38), (G.Announcement, 20), (G.Report, 12), (G.Plan, 5), (G.Other, 8)],
        [UnitKind.Department] = [(G.NormativeDocument, 7), (G.Notice, 36), (G.Announcement, 30), (G.Report, 11), (G.Plan, 5), (G.Other, 9)],
        [UnitKind.Township] = [(G.Notice, 40), (G.Announcement, 34), (G.Report, 12), (G.Plan, 4), (G.Other, 10)],
    };

    private static readonly string[] RevocationReasons =
        ["已被新出台的同类文件取代。", "所依据的上位法已修订，本文件不再适用。", "根据规范性文件集中清理结果予以废止。", "文件规定的工作任务已完成。"];

    /// <summary>内容概述 by genre; {E} 实施日期.</summary>
    private static string SummaryOf(G genre, bool issues) => genre switch
    {
        G.Rule or G.NormativeDocument => "规定{K}的适用范围、职责分工、管理措施和监督管理等内容，自{E}起施行。",
        G.Notice when issues => "{O}印发《{S}》，请各有关单位结合实际认真贯彻执行。",
        G.Notice => "{O}就{S}作出部署，明确目标任务、工作措施和有关要求。",
        G.Announcement => "公告{S}有关事项，公告期内有异议的可以书面形式向{O}反映。",
        G.Report => "{S}介绍了主要工作及成效、存在的问题和下一步工作安排。",
        G.Plan => "《{S}》明确了发展基础、总体要求、主要任务和保障措施。",
        G.Interpretation => "从起草背景、起草依据、主要内容和实施时间等方面解读《{S}》。",
        _ => "公开{S}的有关情况。",
    };

    /// <summary>
    /// How a body of one genre is laid out: lead lines, headed sections (fillers go to those marked "+" when any are) or
    /// numbered items, and closing lines, with paragraphs drawn from a pool. "#" marks a bold line, "|" a heading's first
    /// paragraph, {n} a number in Chinese; {D} 成文日期, {E} 实施日期, {Term} 有效期, {Kind} 办法/规定/措施, {Ago} a day some
    /// weeks before {D}, {Due} one some weeks after, {Cm} 社区, {C} a count under 60, {C2} one in the hundreds or thousands,
    /// {M} an amount in 万元, {Pct} a growth rate, {Pct2} a rate above 90%.
    /// </summary>
    private sealed record Shape(string[] Lead, string[] Headings, string HeadingForm, string[] Pool, string ItemForm, string[] Close, int FirstItem = 1)
    {
        /// <summary>The lines besides the pool's paragraphs, to measure the body by.</summary>
        public string[] Lines { get; } = [.. Lead, .. Close, .. Headings];

        /// <summary>Each heading as its bold line ("#", without "+") and its first paragraphs.</summary>
        public string[][] Parts { get; } = [.. Headings.Select(h => h.Split('|')).Select(p => (string[])["#" + p[0].TrimEnd('+'), .. p[1..]])];

        /// <summary>The headings the pool's paragraphs go under.</summary>
        public string[] Receivers { get; } = Headings.Where(h => h.Contains('+')).ToArray() is { Length: > 0 } marked ? marked : Headings;
    }

    private const string FirstArticle = "第一条　为了规范{K}相关工作，保障公民、法人和其他组织的合法权益，根据有关法律、法规，结合{P}实际，制定本{Kind}。";
    private const string LastArticle = "第{n}条　本{Kind}自{E}起施行{Term}。";

    private static Shape ShapeOf(G genre, bool issues) => genre switch
    {
        G.Rule => new(["《{S}》已经市人民政府常务会议审议通过，现予公布，自{E}起施行。", "{O}", "{D}", "#{S}", FirstArticle], [], "", Articles, "第{n}条　", [LastArticle], 2),
        G.NormativeDocument => new(["{To}", "《{S}》已经研究同意，现印发给你们，请认真贯彻执行。", "{O}", "{D}", "#{S}", FirstArticle], [], "", Articles, "第{n}条　", [LastArticle], 2),
        G.Notice when issues => new(["{To}", "现将《{S}》印发给你们，请结合实际，认真组织实施。", "{O}", "{D}", "#{S}"], NoticeHeadings, "{n}、", Generic, "", []),
        G.Notice => new(["{To}", "为进一步做好{K}工作，根据上级有关部署，结合{P}实际，现就{S}有关事项通知如下："], NoticeHeadings, "{n}、", Generic, "", ["{O}", "{D}"]),
        G.Announcement => new(["根据有关法律法规和政策规定，现将{S}有关事项公告如下："], [], "", Announcing, "{n}、", ["特此公告。", "{O}", "{D}"]),
        G.Report => new(["#{S}"], ["基本情况", "主要工作及成效", "存在的问题", "下一步工作安排"], "{n}、", [.. Reporting, .. Generic], "", ["{O}", "{D}"]),
        G.Plan => new(["#{S}", "为推动{K}工作高质量发展，依据有关法律法规和上位规划，结合{P}实际，编制本规划。"],
            ["发展基础", "总体要求", "主要任务", "保障措施"], "第{n}章　", Generic, "", ["{O}", "{D}"]),
        G.Interpretation => new(["#《{S}》政策解读"], Interpreting, "{n}、", Generic, "", []),
        _ => new(["#{S}"], ["基本情况", "主要内容", "有关说明"], "{n}、", [.. Reporting, .. Generic], "", ["{O}", "{D}"]),
    };

    private static readonly string[] NoticeHeadings = ["总体要求", "重点任务", "保障措施", "工作要求"];

    private static readonly string[] Interpreting =
    [
        "起草背景|为贯彻落实上级有关决策部署，进一步做好{K}相关工作，{O}在深入调研、广泛征求意见的基础上，起草了《{S}》。",
        "起草依据|主要依据有关法律法规和国家、省有关政策文件，结合{P}实际制定。起草过程中通过政府门户网站公开征求了社会公众意见，并进行了合法性审查。",
        "主要内容+|《{S}》主要包括总体要求、职责分工、主要措施、监督管理等内容。",
        "实施时间|《{S}》自{E}起施行{Term}。",
        "解读机关|{O}。对本政策有疑问的，可通过{P}政府门户网站“政民互动”栏目咨询。",
    ];

    private static readonly string[] Generic =
    [
        "各单位要充分认识做好{S}的重要意义，切实把思想和行动统一到上级决策部署上来，主要负责同志亲自研究、亲自部署，确保各项任务落到实处。",
        "坚持以人民为中心的发展思想，聚焦群众急难愁盼问题，统筹发展和安全，坚持问题导向、目标导向和结果导向，推动{K}工作取得实效。",
        "牵头单位要会同有关部门建立工作台账，明确责任单位和完成时限，实行清单化管理、项目化推进，每季度末将工作进展情况报送{O}。",
        "加强部门协同和上下联动，建立健全信息共享、会商研判和联合督办机制，及时协调解决工作推进中的重大问题，形成工作合力。",
        "强化资金保障，统筹用好上级补助资金和本级财政资金，规范资金拨付和使用管理，严禁截留、挤占、挪用，切实提高资金使用效益。",
        "加强督促检查，将{K}工作纳入年度绩效考核内容，对工作推进不力、造成不良影响的，依规依纪严肃追究有关单位和人员责任。",
        "加强政策宣传解读，通过政府门户网站、政务新媒体等渠道及时发布工作进展，回应社会关切，营造全社会共同参与的良好氛围。",
        "严格落实值班值守制度，实行领导带班和全天候值班，遇有突发情况要第一时间处置、第一时间报告，不得迟报、漏报、瞒报。",
        "深化“放管服”改革，推进审批事项网上办、就近办、一次办，进一步压缩办理时限、减少申请材料，提升企业和群众办事便利度。",
        "坚持依法行政，严格履行法定程序，涉及群众切身利益的事项依法听取意见，重大事项进行合法性审查和集体讨论决定。",
        "各街道（乡镇）要落实属地责任，组织村（社区）开展排查摸底，建立问题清单和整改清单，逐项明确整改措施，做到整改一项、销号一项。",
        "加强统计监测和分析研判，定期开展工作评估，根据评估结果及时调整完善工作措施，确保各项目标任务按期完成。",
        "注重总结推广典型经验做法，对成效明显的单位予以通报表扬，发挥示范带动作用，推动{P}{K}工作整体水平提升。",
        "加强队伍建设，组织开展业务培训，提高工作人员政策水平和业务能力，严格执行廉政纪律和保密规定。",
        "完善投诉举报处理机制，畅通政务服务便民热线等诉求渠道，对群众反映的问题及时受理、依法处理、限时反馈。",
        "落实安全生产责任制，全面排查各类风险隐患，对排查发现的隐患立即整改，一时难以整改的落实管控措施，坚决防范重大事故发生。",
        "推进数字化转型，依托一体化政务服务平台推动数据共享和业务协同，提升{K}工作的信息化、智能化水平。",
        "严格执行中央八项规定及其实施细则精神，厉行勤俭节约，坚决反对形式主义、官僚主义，切实减轻基层负担。",
        "健全长效机制，及时将行之有效的经验做法上升为制度规范，推动{K}工作制度化、规范化、常态化。",
        "{P}各有关部门要统筹做好要素保障，优先保障重点项目用地、用能和资金需求，为高质量发展提供有力支撑。",
        "{Ago}，{O}召开专题会议研究部署{K}工作，要求各责任单位对照任务清单倒排工期、挂图作战，确保按时保质完成。",
        "以{A}为重点区域先行开展{K}试点，总结形成可复制、可推广的经验做法后，在全{P}范围内逐步推开。",
        "统筹安排资金{M}，重点支持{K}基础设施建设和公共服务能力提升，资金拨付进度纳入月度通报。",
        "{R}沿线各单位要落实门前责任制，加强日常巡查和维护管理，发现问题及时整改到位，巩固提升工作成效。",
        "{V}等村要结合实际制定具体实施方案，发挥村民议事会作用，引导群众积极参与，推动共建共治共享。",
        "以{Cm}等为示范点推进网格化管理和精细化服务，把{K}工作延伸到楼栋、落实到户，打通服务群众“最后一公里”。",
        "建立“一事一档”工作机制，对{K}工作中发现的{C}类共性问题开展集中攻坚，逐项明确牵头单位和配合单位。",
        "完善考核评价办法，将群众满意度作为重要评价指标，考核结果与评先评优、资金安排挂钩，激励担当作为。",
        "加强与周边区县的协作联动，在规划衔接、设施共建、信息互通等方面深化合作，推动区域协调发展。",
        "对涉及面广、社会关注度高的事项，要提前开展社会稳定风险评估，制定应对预案，防范化解各类风险。",
        "支持行业协会、社会组织和志愿服务队伍参与{K}工作，形成政府主导、部门协同、社会参与的工作格局。",
        "严格落实首问负责、限时办结和责任追究制度，对企业和群众反映的问题做到件件有着落、事事有回音。",
        "充分运用“互联网+监管”手段，加强对重点领域、重点环节的动态监测，提高风险预警和快速处置能力。",
        "注重源头治理，加强对{A}等重点片区的规划管控，严防新增问题，做到发现一处、整治一处、巩固一处。",
        "定期召开工作推进会，通报工作进展，分析存在问题，研究解决措施，重大事项及时报告{O}。",
        "加强档案管理，按照有关规定做好文件材料的收集、整理和归档工作，确保资料完整、真实、可追溯。",
        "各有关单位要于{Due}前完成自查工作，形成自查报告，连同问题清单和整改措施一并报送牵头单位。",
        "鼓励基层首创精神，支持有条件的街道（乡镇）先行先试，在{K}领域探索形成一批具有{P}特色的创新举措。",
        "坚持节约集约利用资源，优先利用存量设施和闲置场地，避免重复建设和资源浪费，提高公共资源配置效率。",
        "做好汛期、冬春季节和重大节假日等重点时段的工作安排，加强应急物资储备和队伍建设，确保关键时刻拉得出、用得上。",
    ];

    private static readonly string[] Articles =
    [
        "本{Kind}适用于{P}行政区域内{K}相关活动及其监督管理。", "{K}工作遵循依法规范、公开透明、便民高效的原则。",
        "{O}负责本行政区域内{K}工作的统筹协调和监督管理，其他有关部门按照各自职责做好相关工作。",
        "申请人应当如实提交有关材料，对材料的真实性负责。主管部门应当自受理之日起二十个工作日内作出决定；不予批准的，应当书面说明理由。",
        "主管部门应当建立健全监督检查制度，采取随机抽取检查对象、随机选派执法检查人员的方式开展检查，检查结果依法向社会公开。",
        "有关单位应当建立管理台账，如实记录相关情况，台账保存期限不少于三年。", "鼓励社会资本参与{K}相关项目建设和运营，依法保障其合法权益。",
        "符合条件的项目，按照有关规定给予资金补助。具体补助标准由主管部门会同财政部门另行制定并向社会公布。",
        "任何单位和个人有权对违反本{Kind}的行为进行投诉、举报，主管部门应当依法及时处理，并为举报人保密。",
        "主管部门及其工作人员在{K}工作中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。",
        "违反本{Kind}规定的，由有关主管部门责令限期改正；法律、法规已有处罚规定的，从其规定。", "主管部门应当加强信息化建设，推动相关数据互联互通和共享应用，提高管理服务水平。",
        "{P}人民政府应当将{K}工作纳入国民经济和社会发展规划，所需经费列入本级财政预算。", "主管部门应当会同有关部门制定应急预案，定期组织演练，提高突发事件应对能力。",
        "街道办事处、乡镇人民政府应当协助做好本辖区内{K}相关工作，村（居）民委员会予以配合。",
        "主管部门应当编制{K}服务指南，明确办理条件、申请材料、办理流程和办理时限，并在政务服务平台公布。",
        "从事{K}相关活动，应当遵守有关技术标准和规范，不得损害公共利益和他人合法权益。",
        "主管部门可以委托具有相应能力的专业机构开展技术评估，评估费用列入部门预算，不得向申请人收取。",
        "有关单位发生变更、合并或者终止的，应当自变更之日起十五个工作日内向主管部门办理相关手续。",
        "主管部门应当建立信用记录，将有关单位违反本{Kind}的信息依法纳入公共信用信息平台，实施分级分类监管。",
        "因自然灾害、事故灾难等突发事件需要采取应急措施的，按照有关应急预案执行，并及时向社会公布。",
        "主管部门应当定期对本{Kind}的实施情况进行评估，并根据评估结果及时提出修改或者废止的建议。",
        "公民、法人或者其他组织对依照本{Kind}作出的行政行为不服的，可以依法申请行政复议或者提起行政诉讼。",
        "在{A}等重点区域从事{K}相关活动的，应当符合国土空间规划和有关专项规划的要求。",
        "本{Kind}所称主管部门，是指{P}人民政府确定的负责{K}工作的部门。",
    ];

    private static readonly string[] Announcing =
    [
        "公告（公示）期间，如有异议，可在公告（公示）期内以书面形式向{O}反映，反映问题应当客观真实，并提供必要的证据材料。",
        "本次{K}相关信息同时在{P}政府门户网站和有关公示栏公布，公告期为十个工作日。", "有关单位和群众对上述事项有意见建议的，可通过{P}政府门户网站“政民互动”栏目提出。",
        "相关权利人应当在公告规定期限内，持相关证明材料到指定地点办理登记手续。", "逾期未提出异议的，视为无异议，{O}将按照规定程序办理后续事项。",
        "本公告涉及事项的具体范围、标准和程序，以相关批准文件为准。", "受理地点：{P}政务服务中心综合窗口；受理时间：工作日上午九时至十二时，下午二时半至五时半。",
        "本次公示涉及{A}范围内项目{C}个，项目名称、建设地点和主要内容详见附件。", "公示时间：自本公告发布之日起至{Due}止。",
        "现场查阅地点：{O}办公室（{P}{R}），查阅时间为工作日办公时间。", "公告期满无异议的，依法办理有关手续；有异议的，由{O}会同有关部门调查核实后依法处理。",
        "对公示内容有异议的单位和个人，应当以书面形式实名提出，并提供必要的证明材料；匿名反映的，不予受理。",
        "上述事项已依法履行有关审批程序，相关材料可在工作日到{O}查阅。", "本公告由{O}负责解释，自发布之日起生效。",
    ];

    private static readonly string[] Reporting =
    [
        "{L}年，在{P}党委、政府的坚强领导下，{O}坚持稳中求进工作总基调，扎实推进各项工作，{K}相关工作取得积极进展。",
        "全年{K}相关投入同比增长{Pct}，重点领域和关键环节保障有力，各项指标总体完成年度目标。",
        "一是制度建设不断完善；二是重点任务有序推进；三是服务水平持续提升；四是监督管理进一步加强。",
        "工作中还存在一些问题和不足：部分工作推进不够平衡，基层力量相对薄弱，精细化管理水平有待提高。",
        "下一步，我们将坚持问题导向，加大工作力度，补齐短板弱项，推动各项工作再上新台阶。", "全年共组织开展专项检查多次，督促整改问题一批，有关工作经验在全市范围内推广。",
        "群众满意度稳步提升，第三方评估结果显示，相关服务事项满意率达到{Pct2}。",
        "全年累计完成投资{M}，完成年度计划的{Pct2}，重点项目建设总体按计划推进。",
        "共办理群众诉求{C2}件，按时办结率达到{Pct2}，群众反映的热点难点问题得到有效解决。",
        "在{A}等片区实施项目{C}个，{R}等一批重点工程建成投用，群众获得感明显增强。",
        "深入开展调查研究，主要负责同志带队赴{V}等地实地调研{C}次，协调解决实际问题。",
        "全年组织业务培训{C}期，培训人员{C2}人次，干部队伍能力素质进一步提升。",
        "通过政府门户网站和政务新媒体发布有关信息{C2}条，及时回应社会关切。",
        "开展专项检查{C}次，发现并督促整改问题{C2}个，依法查处违法违规行为一批。",
        "对照年度目标，部分指标完成进度偏慢，主要原因是项目前期工作推进不够快、要素保障压力较大。",
        "截至{Ago}，各项重点工作总体进展顺利，{K}相关指标好于预期。",
        "与上年相比，一般性支出下降{Pct}，“三公”经费严格控制在预算范围以内。",
        "{Cm}等社区的做法得到群众普遍认可，相关经验在全{P}范围内推广。",
    ];

    /// <summary>Every shape, made once; after the pools it is made of.</summary>
    private static readonly Dictionary<(G Genre, bool Issues), Shape> Shapes = Enum.GetValues<G>()
        .SelectMany(genre => new[] { false, true }.Select(issues => (genre, issues))).ToDictionary(k => k, k => ShapeOf(k.genre, k.issues));
}
