using System.Diagnostics;
using System.Text;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;

namespace Gongkai.Bench;

/// <summary>The benchmark city's catalog: items of every genre over several years, 规章 and 规范性文件 among them.</summary>
internal sealed partial class ReportData
{
    private static readonly (Genre Genre, double Weight)[] Genres =
    [
        (Genre.Rule, 0.4), (Genre.NormativeDocument, 2.6), (Genre.Notice, 40), (Genre.Announcement, 20), (Genre.Report, 12),
        (Genre.Plan, 8), (Genre.Interpretation, 2), (Genre.Other, 15),
    ];

    private static readonly string[] Topics =
    [
        "城乡居民基本医疗保险", "老旧小区改造", "农村人居环境整治", "中小企业纾困", "义务教育招生", "大气污染防治", "安全生产检查",
        "公共租赁住房", "政府购买服务", "营商环境优化", "食品安全抽检", "防汛抗旱", "就业创业补贴", "养老服务体系", "历史文化街区保护",
    ];

    private static readonly string[] Phrases =
    [
        "为深入贯彻落实党中央、国务院决策部署", "结合本地实际", "现就有关事项通知如下", "各有关单位要高度重视", "切实加强组织领导",
        "明确责任分工", "确保各项工作落到实处", "按照有关法律法规的规定", "经研究决定", "进一步规范工作程序", "提高服务质量和效率",
        "加强监督检查", "对工作中发现的问题及时整改", "本办法自发布之日起施行", "申请人应当提交下列材料", "由市财政局负责解释",
        "各区县人民政府、市政府各部门", "有效期五年", "鼓励社会资本参与", "依法保护当事人的合法权益", "统筹推进城乡协调发展",
        "建立健全长效机制", "广泛听取公众意见", "做好政策解读和宣传引导工作", "加快推进数字政府建设", "持续改善生态环境质量",
    ];

    private async Task CatalogAsync(List<GeneratedUnit> units, Stopwatch watch)
    {
        var text = BodyText();
        var pickUnit = Picker(units.Select(u => u.Weight).ToArray());
        var pickGenre = Picker(Genres.Select(g => g.Weight).ToArray());
        var (first, last) = (new DateOnly(sizes.Year - 4, 1, 1), new DateOnly(sizes.Year + 1, 3, 31));
        var perDay = new int[last.DayNumber - first.DayNumber + 1];
        for (var i = 0; i < sizes.Items; i++)
            perDay[random.Next(perDay.Length)]++;
        var format = IndexNumberFormat.Default;
        var serials = new Dictionary<(string, int), int>();
        var written = 0;
        using var rows = new BulkInsert<CatalogItem>(db);
        for (var d = 0; d < perDay.Length; d++)
        {
            var day = first.AddDays(d);
            for (var k = 0; k < perDay[d]; k++)
            {
                var unit = units[pickUnit()].Row;
                var genre = Genres[pickGenre()].Genre;
                var policy = genre is Genre.Rule or Genre.NormativeDocument;
                var state = random.Next(1000) switch { < 10 => CatalogState.Withdrawn, < 20 => CatalogState.Draft, < 25 => CatalogState.Submitted, _ => CatalogState.Published };
                var published = state is CatalogState.Published or CatalogState.Withdrawn;
                var (validity, effective, repealed) = (Validity.InForce, (DateOnly?)null, (DateOnly?)null);
                if (policy)
                {
                    effective = day.AddDays(random.Next(31));
                    var fate = random.Next(100);
                    var end = day.AddDays(random.Next(365, 5 * 365));
                    if (fate < 12 && end <= last)
                        (validity, repealed) = (Validity.Revoked, end);
                    else if (fate < 20 && end <= last)
                        (validity, repealed) = (Validity.Expired, end);
                }
                var number = written + 1;
                var abbreviation = unit.ShortName.Length > 2 ? unit.ShortName[..2] : unit.ShortName;
                var documentNumber = genre switch
                {
                    Genre.Rule => $"青岚市人民政府令第{number % 300 + 1}号",
                    Genre.NormativeDocument => $"{abbreviation}规〔{day.Year}〕{number % 50 + 1}号",
                    Genre.Notice when random.Next(3) == 0 => $"{abbreviation}发〔{day.Year}〕{number % 200 + 1}号",
                    _ => "",
                };
                string? indexNumber = null;
                if (published)
                {
                    var key = (format.Prefix(unit.Code), format.Period(day));
                    indexNumber = format.Format(unit.Code, day, serials[key] = serials.GetValueOrDefault(key) + 1);
                }
                var topic = Topics[random.Next(Topics.Length)];
                var length = (int)(sizes.BodyChars * (0.2 + 1.6 * random.NextDouble()));
                var at = day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                await rows.AddAsync(new CatalogItem
                {
                    UnitId = unit.Id,
                    State = state,
                    IndexNumber = indexNumber,
                    Title = $"{unit.ShortName}关于{topic}的{GenreWord(genre)}",
                    Summary = $"{topic}有关事项。",
                    Body = length == 0 ? "" : text.Substring(random.Next(text.Length - length), length),
                    FormedOn = day.AddDays(-random.Next(15)),
                    PublishedOn = published ? day : null,
                    DocumentNumber = documentNumber,
                    Theme = "综合政务",
                    Genre = genre,
                    Keywords = topic,
                    Attribute = DisclosureAttribute.Proactive,
                    Validity = validity,
                    EffectiveOn = effective,
                    RepealedOn = repealed,
                    Channels = genre == Genre.Rule ? PublicationChannels.Website | PublicationChannels.Gazette : PublicationChannels.Website,
                    CreatedAt = at,
                    UpdatedAt = at,
                });
                if (++written % 100_000 == 0)
                    Progress($"{written:N0} catalog items", watch);
            }
        }
        await rows.FlushAsync();
        Progress($"{written:N0} catalog items", watch);
    }

    private static string GenreWord(Genre genre) => genre switch
    {
        Genre.Rule => "办法",
        Genre.NormativeDocument => "实施意见",
        Genre.Notice => "通知",
        Genre.Announcement => "公告",
        Genre.Report => "工作报告",
        Genre.Plan => "工作计划",
        Genre.Interpretation => "政策解读",
        _ => "信息",
    };

    /// <summary>Half a million characters of official prose, bodies are slices of it.</summary>
    private string BodyText()
    {
        var text = new StringBuilder(Math.Max(600_000, sizes.BodyChars * 4));
        while (text.Length < text.Capacity - 100)
            text.Append(Phrases[random.Next(Phrases.Length)]).Append(random.Next(4) == 0 ? "。" : "，");
        return text.ToString();
    }
}
