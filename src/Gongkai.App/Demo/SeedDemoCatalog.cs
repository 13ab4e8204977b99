using System.Globalization;
using System.Runtime.CompilerServices;
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
/// order, per 前段码 and period; the counters end at the last serial, so real publications continue after them; and
/// queued for the search index in the same write. The data is the same for the same day (fixed seed). <see cref="StreamAsync"/> makes any number of items, day by
/// day, for `gongkai demo catalog`.
/// </summary>
public sealed partial class SeedDemoCatalog(GongkaiDb db, OfficialCalendar calendars, IndexNumberFormat format, TimeProvider clock)
{
    /// <summary>The generator's seed: 条例第十二条, the catalog.</summary>
    private const int Seed = 12;

    /// <param name="origin">The seed's batch, marked on its change-log entries (an index that holds the batch skips them).</param>
    /// <returns>How many items were added (0 when there already are some, or no demo unit exists).</returns>
    public async Task<int> HandleAsync(int items = 3000, Guid? origin = null, CancellationToken ct = default)
    {
        if (items <= 0 || await db.CatalogItems.AnyAsync(ct))
            return 0;
        var catalog = new List<CatalogItem>(items);
        await foreach (var item in StreamAsync(items, ct))
            catalog.Add(item);
        // The stream numbered on from the stored counters; they now end at its last serials.
        var codeOf = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var counters = await db.IndexCounters.ToDictionaryAsync(c => (c.Prefix, c.Period), ct);
        foreach (var item in catalog)
        {
            var key = (format.Prefix(codeOf[item.UnitId]), format.Period(item.PublishedOn!.Value));
            if (!counters.TryGetValue(key, out var counter))
                db.IndexCounters.Add(counters[key] = counter = new IndexCounter { Prefix = key.Item1, Period = key.Item2 });
            counter.Last++;
        }
        db.CatalogItems.AddRange(catalog);
        // Queued for the search index in the same write, as every publication is (the index is a cache of the database).
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<Search.SearchChange>().AddRange(catalog.Select(i => new Search.SearchChange { ItemId = i.Id, EnqueuedAt = now, Origin = origin }));
        await db.SaveChangesAsync(ct);
        return catalog.Count;
    }

    /// <summary>
    /// <paramref name="count"/> published items of the last three years in publication order (a 解读 after its policy),
    /// each with its log, its 索引号 numbered on from the stored counters (which are left as they are) and, for a 解读,
    /// <see cref="CatalogItem.InterpretsId"/> of a policy yielded before it. Nothing is added to the context, and only a
    /// few days of items are held at a time, so a bulk writer can take a million. Empty when no demo unit exists.
    /// </summary>
    public async IAsyncEnumerable<CatalogItem> StreamAsync(int count, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var byCode = Publishers.ToDictionary(p => SeedDemoData.CodeOf(p.Key));
        var codes = byCode.Keys.ToList();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        if (count <= 0 || units.Count == 0)
            yield break;
        var present = units.Select(u => (Publisher: byCode[u.Code], Unit: u)).OrderBy(p => Array.IndexOf(Publishers, p.Publisher)).ToList();
        var calendar = await calendars.GetAsync(db, ct);
        var counters = await db.IndexCounters.AsNoTracking().ToDictionaryAsync(c => (c.Prefix, c.Period), c => c.Last, ct);
        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);
        foreach (var item in new Years(new Random(Seed), calendar, clock, present).Generate(count))
        {
            ct.ThrowIfCancellationRequested();
            var (code, day) = (codeOf[item.UnitId], item.PublishedOn!.Value);
            var key = (format.Prefix(code), format.Period(day));
            item.IndexNumber = format.Format(code, day, counters[key] = counters.GetValueOrDefault(key) + 1);
            yield return item;
        }
    }

    /// <summary>Who publishes what; its dates and wording are drawn when it is written. <paramref name="Shows"/>: one of the first, which show everything.</summary>
    private sealed record Plan(Publisher Publisher, Unit Unit, Topic Topic, bool Shows = false);

    /// <summary>What a unit can issue, by genre: all its documents of the genre, and the particular ones among them.</summary>
    private sealed record Repertoire(Topic[] Topics, Dictionary<G, (Topic[] All, Topic[] Particular)> ByGenre);

    private sealed class Years(Random random, WorkCalendar calendar, TimeProvider clock, IReadOnlyList<(Publisher Publisher, Unit Unit)> units)
    {
        /// <summary>The most subjects a unit remembers so as not to issue one twice, to keep the memory bounded.</summary>
        private const int Remembered = 4000;

        private readonly DateOnly today = clock.Today();
        private readonly DateTime now = clock.GetUtcNow().UtcDateTime;
        private readonly Dictionary<Guid, (string Editor, string Reviewer)> staff = [];
        private readonly Dictionary<Guid, Repertoire> repertoires = [];
        private readonly Dictionary<Guid, HashSet<string>?> issued = []; // null once the unit has hardly anything new left
        private readonly Dictionary<string, int> numbers = [];           // the last 文号 per stem and year
        private readonly StringBuilder scratch = new(), html = new();
        private readonly List<string> fillers = [];
        private string[] deck = [];
        private List<DateOnly> workdays = [];

        /// <returns>The items day by day in publication order (a 解读 after its policy), 文号 numbered per stem and year.</returns>
        public IEnumerable<CatalogItem> Generate(int count)
        {
            var start = today.AddYears(-3);
            workdays = [.. Enumerable.Range(0, today.DayNumber - start.DayNumber + 120).Select(i => start.AddDays(i - 119)).Where(calendar.IsWorkingDay)];
            var first = workdays.FindIndex(d => d > start);
            foreach (var (publisher, unit) in units)
            {
                staff[unit.Id] = ($"{Any(Surnames)}某某（演示）", $"{Any(Surnames)}某某（演示）");
                var topics = Repertoire(publisher, unit).ToArray();
                repertoires[unit.Id] = new(topics, topics.GroupBy(t => t.Genre).ToDictionary(g => g.Key,
                    g => (g.ToArray(), g.Where(t => t.Field != "*" && t.Field != "**").ToArray())));
                issued[unit.Id] = [];
            }
            // By the end of each publication day its share of the count is out: an even share, give or take half.
            var shares = Enumerable.Range(first, workdays.Count - first).Select(_ => 0.5 + random.NextDouble()).ToArray();
            var (total, sum, made) = (shares.Sum(), 0.0, 0);
            var later = new Dictionary<int, List<CatalogItem>>(); // 解读 published after their policy's day
            using var plans = Plans().GetEnumerator();
            for (var day = first; day < workdays.Count; day++)
            {
                sum += shares[day - first];
                var due = day == workdays.Count - 1 ? count : (int)Math.Round(count * sum / total);
                var batch = later.Remove(day, out var waiting) ? waiting : [];
                while (made < due && plans.MoveNext())
                {
                    var (policy, interpretation) = Publish(plans.Current, day, made + 1 < count);
                    batch.Add(policy);
                    made++;
                    if (interpretation is var (item, on))
                    {
                        (on == day ? batch : later.TryGetValue(on, out var list) ? list : later[on] = []).Add(item);
                        made++;
                    }
                }
                foreach (var item in batch)
                    yield return item;
            }
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
        private IEnumerable<Plan> Plans()
        {
            var all = (from u in units from t in repertoires[u.Unit.Id].Topics select new Plan(u.Publisher, u.Unit, t, true)).ToList();
            var wanted = CatalogTerms.Themes.Select(theme => all.Where(p => p.Topic.Theme.Split('\\')[0] == theme).ToList())
                .Concat(Enum.GetValues<G>().Select(genre => all.Where(p => p.Topic.Genre == genre).ToList()));
            foreach (var choices in wanted.Where(c => c.Count > 0))
                yield return Any(choices);
            foreach (var (publisher, unit) in units)
                yield return Draw(publisher, unit);
            while (true)
            {
                var (publisher, unit) = Pick(units, u => u.Publisher.Weight);
                yield return Draw(publisher, unit);
            }
        }

        /// <summary>
        /// A genre by the unit's mix, then a document of that genre: a third of the time a particular one, if it has any,
        /// while the unit has something new to issue; after that any, so that no title comes up thousands of times.
        /// </summary>
        private Plan Draw(Publisher publisher, Unit unit)
        {
            var repertoire = repertoires[unit.Id];
            if (!repertoire.ByGenre.TryGetValue(Pick(GenreMix[unit.Kind], m => m.Weight).Genre, out var genre))
                return new(publisher, unit, Any(repertoire.Topics));
            var particular = genre.Particular.Length > 0 && issued[unit.Id] is not null && (genre.Particular.Length == genre.All.Length || random.Next(3) == 0);
            return new(publisher, unit, Any(particular ? genre.Particular : genre.All));
        }

        /// <summary>A policy or other document published on the working day <paramref name="day"/>, and perhaps its 解读 (with its day).</summary>
        private (CatalogItem Item, (CatalogItem Item, int Day)? Interpretation) Publish(Plan plan, int day, bool room)
        {
            // 成文日期 usually 1–15 working days before 发布日期; a few after the 20 working days of 第二十六条.
            var lag = random.Next(100) switch { < 3 => random.Next(21, 41), < 8 => 0, < 80 => random.Next(1, 9), < 95 => random.Next(9, 16), _ => random.Next(16, 21) };
            var formed = workdays[day - lag];
            var words = WordsFor(plan, formed);
            // A unit issues a document once: a subject it has issued is drawn anew while it has anything new to issue. After
            // twenty vain draws (or Remembered subjects) it may repeat one, in other places or years, at no further cost.
            var seen = issued[plan.Unit.Id];
            for (var draws = 0; seen is not null && !seen.Add(words["{S}"]) && !plan.Shows; draws++)
            {
                if (draws == 20)
                    seen = null;
                else
                    words = WordsFor(plan = Draw(plan.Publisher, plan.Unit), formed);
            }
            issued[plan.Unit.Id] = seen?.Count < Remembered ? seen : null;
            var policy = Write(plan, words, formed, workdays[day]);
            var share = policy.Genre switch
            {
                G.Rule => 80,
                G.NormativeDocument => 65,
                G.Notice when plan.Topic.Title == Issue && plan.Unit.Kind != UnitKind.Township => 30,
                _ => 0,
            };
            var interpretation = room && random.Next(100) < share ? Interpret(policy, plan, words, day, day - lag) : ((CatalogItem, int)?)null;
            // 解读三同步: a 规章 or 行政规范性文件 published without its 解读 carries the reason recorded (no draw: the demo stays as it was).
            if (interpretation is null && Core.Participation.InterpretationRule.MustBeInterpreted(policy.Genre, false))
                policy.InterpretationWaiver = "内容为程序性、技术性规定，条文已明确具体，不另行解读。";
            return (policy, interpretation);
        }

        private Words WordsFor(Plan plan, DateOnly formed)
        {
            var office = plan.Unit.Kind == UnitKind.Government && plan.Topic.Genre is G.Notice or G.NormativeDocument && random.Next(100) < 45;
            var (month, quarter) = (formed.AddMonths(-1), formed.AddMonths(-3));
            var words = new Words(scratch).Set(
                ("{O}", office ? plan.Unit.FullName + "办公室" : plan.Unit.FullName), ("{P}", plan.Publisher.Place), ("{To}", plan.Publisher.To),
                ("{Y}", Number(formed.Year)), ("{L}", Number(formed.Year - 1)), ("{Y2}", Number(formed.Year + 2)), ("{N}", Chinese(random.Next(1, 9))),
                ("{A}", Any(Areas)), ("{R}", Any(Roads)), ("{V}", Any(Villages)), ("{Cm}", Any(Communities)), ("{No}", $"{formed.Year}-{random.Next(1, 41):D2}"),
                ("{Month}", $"{month.Year}年{month.Month}月"), ("{Quarter}", $"{quarter.Year}年第{Chinese((quarter.Month + 2) / 3)}季度"),
                ("{D}", Chinese(formed)), ("{Ago}", Chinese(formed.AddDays(-random.Next(7, 90)))), ("{Due}", Chinese(formed.AddDays(random.Next(15, 60)))),
                ("{K}", plan.Topic.Keywords.Split(' ')[0]), ("{E}", "印发之日"), ("{Term}", ""),
                ("{C}", Number(random.Next(3, 60))), ("{C2}", Number(random.Next(60, 3000))), ("{M}", Decimal(random.Next(30, 90000)) + "万元"),
                ("{Pct}", Decimal(random.Next(21, 129)) + "%"), ("{Pct2}", Decimal(random.Next(900, 990)) + "%"));
            words["{S}"] = words.Fill(plan.Topic.Subject);
            return words;
        }

        private CatalogItem Write(Plan plan, Words words, DateOnly formed, DateOnly published)
        {
            var (publisher, unit, topic, _) = plan;
            var item = Item(unit.Id, topic.Genre, topic.Theme, topic.Keywords, formed, published);
            item.DocumentNumber = DocumentNumber(topic.Genre switch
            {
                G.Rule => unit.FullName + "令",
                G.NormativeDocument when unit.Kind == UnitKind.Department => publisher.Abbreviation + "规",
                G.Notice when random.Next(100) < 15 => "",
                G.NormativeDocument or G.Notice => publisher.Abbreviation + (words["{O}"].EndsWith("办公室") ? "办发" : "发"),
                _ => "",
            }, formed);
            if (item.Genre.HasValidity())
                Lifetime(item, words);
            item.Title = words.Fill(topic.Title);
            Complete(item, words, topic.Title == Issue, PublicationChannels.Website
                | (unit.Kind == UnitKind.Government && (item.Genre.HasValidity() || random.Next(100) < 30) ? PublicationChannels.Gazette : 0)
                | (random.Next(100) < 30 ? PublicationChannels.WeChat : 0) | (random.Next(100) < 12 ? PublicationChannels.Weibo : 0)
                | (random.Next(100) < 5 ? PublicationChannels.Other : 0));
            return item;
        }

        /// <summary>The next 文号 of a stem in the year of 成文日期; 政府令 numbers run on across years. Documents outside the catalog took the numbers between.</summary>
        private string DocumentNumber(string stem, DateOnly formed)
        {
            if (stem.Length == 0)
                return "";
            var order = stem.EndsWith('令');
            var series = order ? stem : $"{stem}〔{formed.Year}〕";
            var n = numbers[series] = numbers.GetValueOrDefault(series, order ? 140 : 0) + random.Next(1, 4);
            return order ? $"{series}第{n}号" : $"{series}{n}号";
        }

        /// <summary>
        /// 实施日期 and 有效期 of a 规章 or 行政规范性文件, and what became of it: most are in force, some were revoked (废止),
        /// some are past their 有效期 (失效 — nobody acts: <see cref="CatalogTerms.EffectiveValidity"/> derives it).
        /// </summary>
        private void Lifetime(CatalogItem item, Words words)
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

        /// <summary>The 解读 of a policy, by the same unit, published the same day or up to four working days later, within ten days.</summary>
        private (CatalogItem Item, int Day) Interpret(CatalogItem policy, Plan plan, Words words, int published, int formed)
        {
            var day = Math.Min(published + random.Next(0, 5), workdays.Count - 1);
            while (workdays[day].DayNumber - workdays[published].DayNumber > 10)
                day--;
            var on = workdays[Math.Max(formed, day - random.Next(0, 3))];
            var interpretation = Item(plan.Unit.Id, G.Interpretation, policy.Theme, $"{words["{K}"]} 政策解读", on, workdays[day]);
            (interpretation.Title, interpretation.Interprets, interpretation.InterpretsId) = ($"《{words["{S}"]}》政策解读", policy, policy.Id);
            words["{D}"] = Chinese(on);
            Complete(interpretation, words, false, PublicationChannels.Website | (random.Next(2) == 0 ? PublicationChannels.WeChat : 0));
            // Its forms: text, with a 图解 when it also went out on 政务微信 (no draw: the demo stays as it was).
            interpretation.InterpretationForms = Core.Participation.InterpretationForms.Text
                | (interpretation.Channels.HasFlag(PublicationChannels.WeChat) ? Core.Participation.InterpretationForms.Graphics : 0);
            return (interpretation, day);
        }

        private static CatalogItem Item(Guid unit, G genre, string theme, string keywords, DateOnly formed, DateOnly published) =>
            new() { UnitId = unit, Genre = genre, Theme = theme, Keywords = keywords, FormedOn = formed, PublishedOn = published };

        /// <summary>Summary, body, channels and the log of drafting, review and publication (and 废止).</summary>
        private void Complete(CatalogItem item, Words words, bool issues, PublicationChannels channels)
        {
            (item.State, item.Attribute, item.Channels) = (CatalogState.Published, DisclosureAttribute.Proactive, channels);
            var summary = words.Fill(SummaryOf(item.Genre, issues));
            item.Summary = summary.Length <= CatalogTerms.MaxSummary ? summary : summary[..(CatalogTerms.MaxSummary - 1)] + "…";
            item.Body = Body(Shapes[(item.Genre, issues)], words);
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
        /// paragraphs, in random order, as the drawn length takes, none twice.
        /// </summary>
        private string Body(Shape shape, Words words)
        {
            var target = random.Next(100) < 15 ? random.Next(1500, 2900) : random.Next(400, 1500);
            var length = 0;
            foreach (var line in shape.Lines)
                length += words.LengthOf(line) + 4;
            var pool = deck.Length >= shape.Pool.Length ? deck : deck = new string[shape.Pool.Length];
            shape.Pool.CopyTo(pool, 0);
            fillers.Clear();
            for (var n = 0; n < shape.Pool.Length; n++)
            {
                var pick = random.Next(n, shape.Pool.Length);
                (pool[n], pool[pick]) = (pool[pick], pool[n]);
                var size = words.LengthOf(pool[n]);
                if (length + size > target && length >= 400 && fillers.Count >= shape.Headings.Length)
                    break;
                length += size + 4;
                fillers.Add(pool[n]);
            }
            html.Clear();
            void Add(string text, string before = "")
            {
                var bold = text.StartsWith('#');
                html.Append(bold ? "<p><strong>" : "<p>").Append(before);
                words.Append(html, bold ? text.AsSpan(1) : text).Append(bold ? "</strong></p>" : "</p>");
            }
            foreach (var line in shape.Lead)
                Add(line);
            var number = shape.FirstItem;
            if (shape.Headings.Length == 0)
                fillers.ForEach(f => Add(f, shape.ItemForm.Replace("{n}", Chinese(number++))));
            for (var h = 0; h < shape.Headings.Length; h++)
            {
                var parts = shape.Parts[h];
                Add(parts[0], shape.HeadingForm.Replace("{n}", Chinese(h + 1)));
                for (var p = 1; p < parts.Length; p++)
                    Add(parts[p]);
                if (Array.IndexOf(shape.Receivers, shape.Headings[h]) is var r and >= 0)
                    fillers[(r * fillers.Count / shape.Receivers.Length)..((r + 1) * fillers.Count / shape.Receivers.Length)].ForEach(f => Add(f));
            }
            foreach (var line in shape.Close)
                Add(line.Replace("{n}", Chinese(number)));
            return html.ToString();
        }

        private T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        private T Pick<T>(IReadOnlyList<T> list, Func<T, int> weight)
        {
            var (ticket, i) = (0, 0);
            for (var j = 0; j < list.Count; j++)
                ticket += weight(list[j]);
            ticket = random.Next(ticket);
            while ((ticket -= weight(list[i])) >= 0)
                i++;
            return list[i];
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tenths: 12.3.</summary>
    private static string Decimal(int tenths) => (tenths / 10.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Chinese(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>1 to 99 in Chinese numerals: 一, 十二, 二十.</summary>
    private static string Chinese(int n) => n < 10 ? $"{Digits[n]}" : $"{(n < 20 ? "" : Digits[n / 10])}十{(n % 10 == 0 ? "" : Digits[n % 10])}";

    private const string Digits = "零一二三四五六七八九";
}
