using System.Text;
using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Catalog;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;
using G = Gongkai.Core.Catalog.Genre;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after <see cref="SeedDemoData"/>: three years of the proactive disclosure catalog (主动公开目录)
/// of the demo units of 青岚市 — notices, announcements, reports, plans, 规章 and 行政规范性文件 with their 解读 — so
/// the public catalog, its filters and the 第二十六条 check have something to show. Items are written as published,
/// with the log the workflow writes, and numbered as <see cref="PublishCatalogItem"/> numbers them: in publication
/// order, per 前段码 and period; the counters end at the last serial, so real publications continue after them.
/// The data is the same for the same day (fixed seed). Adds nothing when any catalog item exists.
/// </summary>
public sealed partial class SeedDemoCatalog(GongkaiDb db, OfficialCalendar calendars, IndexNumberFormat format, TimeProvider clock)
{
    /// <summary>The generator's seed: 条例第十二条, the catalog.</summary>
    private const int Seed = 12;

    /// <returns>How many items were added (0 when there already are some, or no demo unit exists).</returns>
    public async Task<int> HandleAsync(int items = 3000, CancellationToken ct = default)
    {
        if (items <= 0 || await db.CatalogItems.AnyAsync(ct))
            return 0;
        var byCode = Publishers.ToDictionary(p => SeedDemoData.CodeOf(p.Key));
        var codes = byCode.Keys.ToList();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        if (units.Count == 0)
            return 0;
        var present = units.Select(u => (Publisher: byCode[u.Code], Unit: u)).OrderBy(p => Array.IndexOf(Publishers, p.Publisher)).ToList();
        var catalog = new Years(new Random(Seed), await calendars.GetAsync(db, ct), clock, present).Generate(items);

        var counters = await db.IndexCounters.ToDictionaryAsync(c => (c.Prefix, c.Period), ct);
        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);
        foreach (var item in catalog)
        {
            var (code, day) = (codeOf[item.UnitId], item.PublishedOn!.Value);
            var key = (format.Prefix(code), format.Period(day));
            if (!counters.TryGetValue(key, out var counter))
                db.IndexCounters.Add(counters[key] = counter = new IndexCounter { Prefix = key.Item1, Period = key.Item2 });
            item.IndexNumber = format.Format(code, day, ++counter.Last);
        }
        db.CatalogItems.AddRange(catalog);
        await db.SaveChangesAsync(ct);
        return catalog.Count;
    }

    /// <summary>Who publishes what; its dates and wording are drawn when it is written.</summary>
    private sealed record Plan(Publisher Publisher, Unit Unit, Topic Topic);

    private sealed class Years(Random random, WorkCalendar calendar, TimeProvider clock, IReadOnlyList<(Publisher Publisher, Unit Unit)> units)
    {
        private readonly DateOnly today = clock.Today();
        private readonly DateTime now = clock.GetUtcNow().UtcDateTime;
        private readonly List<CatalogItem> items = [];
        private readonly Dictionary<Guid, (string Editor, string Reviewer)> staff = [];
        private List<DateOnly> workdays = [];

        /// <returns>The items in publication order (a 解读 after its policy), 文号 numbered per stem and year.</returns>
        public List<CatalogItem> Generate(int count)
        {
            var start = today.AddYears(-3);
            workdays = [.. Enumerable.Range(0, today.DayNumber - start.DayNumber + 120).Select(i => start.AddDays(i - 119)).Where(calendar.IsWorkingDay)];
            var first = workdays.FindIndex(d => d > start);
            units.ToList().ForEach(u => staff[u.Unit.Id] = ($"{Any(Surnames)}某某（演示）", $"{Any(Surnames)}某某（演示）"));
            var repertoire = units.ToDictionary(u => u.Unit.Id, u => Repertoire(u.Publisher, u.Unit).ToList());
            var (seen, misses) = (new HashSet<string>(), 0);
            foreach (var plan in Plans(repertoire))
            {
                if (items.Count >= count)
                    break;
                // 成文日期 usually 1–15 working days before 发布日期; a few after the 20 working days of 第二十六条.
                var day = random.Next(first, workdays.Count);
                var lag = random.Next(100) switch { < 3 => random.Next(21, 41), < 8 => 0, < 80 => random.Next(1, 9), < 95 => random.Next(9, 16), _ => random.Next(16, 21) };
                var words = Words(plan, workdays[day - lag]);
                // A unit issues a document once: the same subject is drawn anew, unless the unit has hardly anything new left.
                if (!seen.Add($"{plan.Unit.Id} {words["{S}"]}") && misses++ < 50)
                    continue;
                misses = 0;
                var policy = Write(plan, words, workdays[day - lag], workdays[day]);
                var share = policy.Genre switch
                {
                    G.Rule => 80,
                    G.NormativeDocument => 65,
                    G.Notice when plan.Topic.Title == Issue && plan.Unit.Kind != UnitKind.Township => 30,
                    _ => 0,
                };
                if (items.Count < count && random.Next(100) < share)
                    Interpret(policy, plan, words);
            }
            foreach (var series in items.Where(i => i.DocumentNumber.Length > 0).OrderBy(i => i.FormedOn).GroupBy(i => i.DocumentNumber))
            {
                var order = series.Key.EndsWith('令'); // 政府令 numbers run on across years
                var (year, n) = (0, order ? 140 : 0);
                foreach (var item in series)
                {
                    if (!order && item.FormedOn.Year != year)
                        (year, n) = (item.FormedOn.Year, 0);
                    n += random.Next(1, 4); // documents outside the catalog took the numbers between
                    item.DocumentNumber = order ? $"{series.Key}第{n}号" : $"{series.Key}〔{year}〕{n}号";
                }
            }
            return [.. items.OrderBy(i => i.PublishedOn)];
        }

        /// <summary>What a unit can issue: the particular documents of its field and the usual kinds on each of its fields of work.</summary>
        private static IEnumerable<Topic> Repertoire(Publisher publisher, Unit unit) =>
            Topics.Where(t => t.Field == publisher.Field || t.Field == "通用")
                .Concat(Domains.Where(d => d.Field == publisher.Field).SelectMany(d => d.Names.SelectMany(name => Templates
                    .Where(t => t.Field == "*" || !name.EndsWith('*'))
                    .Select(t => t with { Theme = d.Theme, Subject = Of(t.Subject, name), Keywords = Of(t.Keywords, name) }))))
                .Where(t => (t.Genre != G.Rule || publisher.Key == "city") && GenreMix[unit.Kind].Any(m => m.Genre == t.Genre));

        private static string Of(string template, string name) => template.Replace("{X}", name.TrimEnd('*')).Replace("管理管理", "管理");

        /// <summary>One item of every theme, genre and unit first, so that even a small catalog shows them all; then by weight.</summary>
        private IEnumerable<Plan> Plans(Dictionary<Guid, List<Topic>> repertoire)
        {
            var all = (from u in units from t in repertoire[u.Unit.Id] select new Plan(u.Publisher, u.Unit, t)).ToList();
            var wanted = CatalogTerms.Themes.Select(theme => all.Where(p => p.Topic.Theme.Split('\\')[0] == theme).ToList())
                .Concat(Enum.GetValues<G>().Select(genre => all.Where(p => p.Topic.Genre == genre).ToList()));
            foreach (var choices in wanted.Where(c => c.Count > 0))
                yield return Any(choices);
            foreach (var (publisher, unit) in units)
                yield return Draw(publisher, unit, repertoire[unit.Id]);
            while (true)
            {
                var (publisher, unit) = Pick(units, u => u.Publisher.Weight);
                yield return Draw(publisher, unit, repertoire[unit.Id]);
            }
        }

        /// <summary>A genre by the unit's mix, then a document of that genre: a third of the time a particular one, if it has any.</summary>
        private Plan Draw(Publisher publisher, Unit unit, List<Topic> repertoire)
        {
            var genre = Pick(GenreMix[unit.Kind], m => m.Weight).Genre;
            var topics = repertoire.Where(t => t.Genre == genre).ToList();
            var particular = topics.Where(t => t.Field != "*" && t.Field != "**").ToList();
            var choices = particular.Count > 0 && (particular.Count == topics.Count || random.Next(3) == 0) ? particular : topics;
            return new(publisher, unit, Any(choices.Count > 0 ? choices : repertoire));
        }

        private Dictionary<string, string> Words(Plan plan, DateOnly formed)
        {
            var office = plan.Unit.Kind == UnitKind.Government && plan.Topic.Genre is G.Notice or G.NormativeDocument && random.Next(100) < 45;
            var (month, quarter) = (formed.AddMonths(-1), formed.AddMonths(-3));
            var words = new (string Key, string Value)[]
            {
                ("{O}", office ? plan.Unit.FullName + "办公室" : plan.Unit.FullName), ("{P}", plan.Publisher.Place), ("{To}", plan.Publisher.To),
                ("{Y}", $"{formed.Year}"), ("{L}", $"{formed.Year - 1}"), ("{Y2}", $"{formed.Year + 2}"), ("{N}", Chinese(random.Next(1, 9))),
                ("{A}", Any(Areas)), ("{R}", Any(Roads)), ("{V}", Any(Villages)), ("{No}", $"{formed.Year}-{random.Next(1, 41):D2}"),
                ("{Month}", $"{month.Year}年{month.Month}月"), ("{Quarter}", $"{quarter.Year}年第{Chinese((quarter.Month + 2) / 3)}季度"),
                ("{D}", Chinese(formed)), ("{K}", plan.Topic.Keywords.Split(' ')[0]), ("{E}", "印发之日"), ("{Term}", ""),
                ("{Pct}", $"{random.Next(21, 129) / 10.0:0.0}%"), ("{Pct2}", $"{random.Next(900, 990) / 10.0:0.0}%"),
            }.ToDictionary(w => w.Key, w => w.Value);
            words["{S}"] = Fill(plan.Topic.Subject, words);
            return words;
        }

        private CatalogItem Write(Plan plan, Dictionary<string, string> words, DateOnly formed, DateOnly published)
        {
            var (publisher, unit, topic) = plan;
            var item = Item(unit.Id, topic.Genre, topic.Theme, topic.Keywords, formed, published);
            item.DocumentNumber = topic.Genre switch // the stem; numbered once all are drawn
            {
                G.Rule => unit.FullName + "令",
                G.NormativeDocument when unit.Kind == UnitKind.Department => publisher.Abbreviation + "规",
                G.Notice when random.Next(100) < 15 => "",
                G.NormativeDocument or G.Notice => publisher.Abbreviation + (words["{O}"].EndsWith("办公室") ? "办发" : "发"),
                _ => "",
            };
            if (item.Genre.HasValidity())
                Lifetime(item, words);
            item.Title = Fill(topic.Title, words);
            Complete(item, words, topic.Title == Issue, PublicationChannels.Website
                | (unit.Kind == UnitKind.Government && (item.Genre.HasValidity() || random.Next(100) < 30) ? PublicationChannels.Gazette : 0)
                | (random.Next(100) < 30 ? PublicationChannels.WeChat : 0) | (random.Next(100) < 12 ? PublicationChannels.Weibo : 0)
                | (random.Next(100) < 5 ? PublicationChannels.Other : 0));
            return item;
        }

        /// <summary>
        /// 实施日期 and 有效期 of a 规章 or 行政规范性文件, and what became of it: most are in force, some were revoked (废止),
        /// some are past their 有效期 (失效 — nobody acts: <see cref="CatalogTerms.EffectiveValidity"/> derives it).
        /// </summary>
        private void Lifetime(CatalogItem item, Dictionary<string, string> words)
        {
            var published = item.PublishedOn!.Value;
            var effective = item.Genre == G.Rule ? published.AddDays(random.Next(30, 61)) : random.Next(3) == 0 ? published : published.AddDays(random.Next(10, 46));
            var fate = random.Next(100);
            var years = item.Genre == G.Rule ? 0
                : fate is >= 12 and < 26 ? (effective.AddYears(2) <= today ? 2 : effective.AddYears(1) <= today ? 1 : 2)
                : Any([5, 5, 5, 5, 3, 3, 2]);
            DateOnly? end = years > 0 ? effective.AddYears(years).AddDays(-1) : null;
            var latest = Math.Min(today.DayNumber, (end?.DayNumber ?? int.MaxValue) - 1);
            if (fate < 12 && latest >= effective.DayNumber + 60)
                (item.Validity, end) = (Validity.Revoked, DateOnly.FromDayNumber(random.Next(effective.DayNumber + 60, latest + 1)));
            (item.EffectiveOn, item.RepealedOn) = (effective, end);
            if (years is > 0 and <= 2 && !words["{S}"].Contains("暂行") && !words["{S}"].Contains("试行"))
                words["{S}"] += "（试行）";
            (words["{E}"], words["{Term}"]) = (Chinese(effective), years > 0 ? $"，有效期{Chinese(years)}年" : "");
            words["{Kind}"] = new[] { "办法", "规定", "措施" }.FirstOrDefault(words["{S}"].Contains) ?? "规定";
        }

        /// <summary>The 解读 of a policy, by the same unit, published the same day or a few working days later.</summary>
        private void Interpret(CatalogItem policy, Plan plan, Dictionary<string, string> words)
        {
            var day = Math.Min(workdays.BinarySearch(policy.PublishedOn!.Value) + random.Next(0, 5), workdays.Count - 1);
            var formed = workdays[Math.Max(workdays.BinarySearch(policy.FormedOn), day - random.Next(0, 3))];
            var interpretation = Item(plan.Unit.Id, G.Interpretation, policy.Theme, $"{words["{K}"]} 政策解读", formed, workdays[day]);
            (interpretation.Title, interpretation.Interprets, interpretation.InterpretsId) = ($"《{words["{S}"]}》政策解读", policy, policy.Id);
            Complete(interpretation, new(words) { ["{D}"] = Chinese(formed) }, false,
                PublicationChannels.Website | (random.Next(2) == 0 ? PublicationChannels.WeChat : 0));
        }

        private static CatalogItem Item(Guid unit, G genre, string theme, string keywords, DateOnly formed, DateOnly published) =>
            new() { UnitId = unit, Genre = genre, Theme = theme, Keywords = keywords, FormedOn = formed, PublishedOn = published };

        /// <summary>Summary, body, channels and the log of drafting, review and publication (and 废止).</summary>
        private void Complete(CatalogItem item, Dictionary<string, string> words, bool issues, PublicationChannels channels)
        {
            (item.State, item.Attribute, item.Channels) = (CatalogState.Published, DisclosureAttribute.Proactive, channels);
            var summary = Fill(SummaryOf(item.Genre, issues), words);
            item.Summary = summary.Length <= CatalogTerms.MaxSummary ? summary : summary[..(CatalogTerms.MaxSummary - 1)] + "…";
            item.Body = Body(ShapeOf(item.Genre, issues), words);
            var (editor, reviewer) = staff[item.UnitId];
            var published = item.PublishedOn!.Value;
            var drafted = workdays[Math.Max(workdays.BinarySearch(item.FormedOn), workdays.BinarySearch(published) - random.Next(0, 3))];
            var minute = random.Next(510, 960);
            Append(item, CatalogActions.Drafted, drafted, minute, editor);
            Append(item, CatalogActions.Submitted, drafted, minute + random.Next(10, 90), editor);
            var late = PublicationDeadline.DaysLate(calendar, item.FormedOn, published);
            Append(item, CatalogActions.Published, published, drafted == published ? minute + random.Next(100, 240) : random.Next(510, 1050), reviewer,
                CatalogActions.LateNote(late));
            if (item.Validity == Validity.Revoked)
                Append(item, CatalogActions.Revoked, item.RepealedOn!.Value.AddDays(-random.Next(6)), random.Next(540, 1020), reviewer,
                    $"自 {item.RepealedOn:yyyy-MM-dd} 起废止：{Any(RevocationReasons)}");
            (item.CreatedAt, item.UpdatedAt) = (item.Log[0].At, item.Log[^1].At);
            items.Add(item);
        }

        /// <summary>A log entry at a Beijing time of day (minutes after midnight), never after now nor before the one before.</summary>
        private void Append(CatalogItem item, string action, DateOnly day, int minute, string actor, string note = "")
        {
            var at = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute - 8 * 60), DateTimeKind.Utc);
            at = at > now ? now : item.Log.Count > 0 && at < item.Log[^1].At ? item.Log[^1].At : at;
            item.Log.Add(new() { ItemId = item.Id, Sequence = item.Log.Count + 1, Action = action, At = at, ActorName = actor, Note = note });
        }

        /// <summary>
        /// The body as HTML paragraphs, 300 to 3,000 字 (most under 1,500): the shape's lines and as many of its pool's
        /// paragraphs as the drawn length takes, none twice.
        /// </summary>
        private string Body(Shape shape, Dictionary<string, string> words)
        {
            var target = random.Next(100) < 15 ? random.Next(1500, 2900) : random.Next(400, 1500);
            var length = shape.Lead.Concat(shape.Close).Concat(shape.Headings).Sum(t => Fill(t, words).Length + 4);
            var pool = (shape.Pool == Reporting ? [.. Reporting, .. Generic] : shape.Pool).ToArray();
            random.Shuffle(pool);
            var fillers = new List<string>();
            foreach (var text in pool.Select(p => Fill(p, words)).TakeWhile(t => length + t.Length <= target || length < 400 || fillers.Count < shape.Headings.Length))
            {
                length += text.Length + 4;
                fillers.Add(text);
            }
            var html = new StringBuilder();
            void Add(string text) => html.Append(text.StartsWith('#') ? $"<p><strong>{Fill(text[1..], words)}</strong></p>" : $"<p>{Fill(text, words)}</p>");
            shape.Lead.ToList().ForEach(Add);
            var number = shape.FirstItem;
            if (shape.Headings.Length == 0)
                fillers.ForEach(f => Add(shape.ItemForm.Replace("{n}", Chinese(number++)) + f));
            var receivers = shape.Headings.Where(h => h.Contains('+')).ToList() is { Count: > 0 } marked ? marked : [.. shape.Headings];
            for (var h = 0; h < shape.Headings.Length; h++)
            {
                var parts = shape.Headings[h].Split('|');
                Add("#" + shape.HeadingForm.Replace("{n}", Chinese(h + 1)) + parts[0].TrimEnd('+'));
                parts.Skip(1).ToList().ForEach(Add);
                if (receivers.IndexOf(shape.Headings[h]) is var r and >= 0)
                    fillers[(r * fillers.Count / receivers.Count)..((r + 1) * fillers.Count / receivers.Count)].ForEach(Add);
            }
            shape.Close.Select(c => c.Replace("{n}", Chinese(number))).ToList().ForEach(Add);
            return html.ToString();
        }

        private T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        private T Pick<T>(IReadOnlyList<T> list, Func<T, int> weight)
        {
            var ticket = random.Next(list.Sum(weight));
            return list.First(item => (ticket -= weight(item)) < 0);
        }
    }

    private static string Fill(string template, Dictionary<string, string> words) =>
        template.Contains('{') ? words.Aggregate(template, (text, word) => text.Replace(word.Key, word.Value)) : template;

    private static string Chinese(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>1 to 99 in Chinese numerals: 一, 十二, 二十.</summary>
    private static string Chinese(int n) => n < 10 ? $"{Digits[n]}" : $"{(n < 20 ? "" : Digits[n / 10])}十{(n % 10 == 0 ? "" : Digits[n % 10])}";

    private const string Digits = "零一二三四五六七八九";
}
