using Gongkai.App.Letters;
using Gongkai.App.Tracking;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;

namespace Gongkai.App.Demo;

/// <summary>
/// The life of one demo letter, drawn step by step as the office would have taken them and cut off at today: screened
/// (valid, invalid with a reason, or transferred out), routed and assigned within the mailbox's subtree, sometimes
/// given back, extended once or reminded, answered (after review, sometimes returned for rework) on time or late,
/// rated or left to lapse, published. Every step is one that <see cref="LetterHistory.Refusal"/> allows at its date;
/// the derived columns come from <see cref="LetterLog.Refresh"/>.
/// </summary>
internal sealed partial class DemoLetterLives
{
    /// <summary>The demo units (keys of <see cref="SeedDemoData"/>), their field of work, and their share of the letters if they have a mailbox.</summary>
    private static readonly (string Key, string Field, int Weight)[] Plan =
    [
        ("city", "政府", 30), ("fgw", "发改", 3), ("jyj", "教育", 6), ("czj", "财政", 2), ("zrzyj", "资源", 4), ("stj", "环境", 5),
        ("zjj", "住建", 7), ("wjw", "卫健", 5), ("yy", "政府", 8), ("yy-jyj", "教育", 2), ("yy-czj", "财政", 1), ("yy-zjj", "住建", 2),
        ("yy-xq", "乡镇", 0), ("yy-wh", "乡镇", 0), ("st", "政府", 8), ("st-jyj", "教育", 2), ("st-wjj", "卫健", 1), ("st-zx", "乡镇", 0),
        ("st-stjd", "乡镇", 0), ("lm", "政府", 6), ("lm-czj", "财政", 1), ("lm-zrzyj", "资源", 1), ("lm-bl", "乡镇", 0), ("lm-sm", "乡镇", 0),
    ];

    public static IEnumerable<string> Keys => Plan.Select(p => p.Key);

    // Shares, as offices report them: 找错 4 %, invalid 8 %, transferred out 4 %, consent to publish 65 %, late 12 %,
    // extended 4 %, rated 45 %; the published share among answered letters with consent gives about a tenth in all.
    private const double SiteErrorShare = 0.04, InvalidShare = 0.08, TransferShare = 0.04, ConsentShare = 0.65, LateShare = 0.12,
        ExtendShare = 0.04, RatedShare = 0.45, PublishShare = 0.18;

    private readonly Random random;
    private readonly WorkCalendar calendar;
    private readonly LetterLog log;
    private readonly double backlog;
    private readonly DateOnly today;
    private readonly DemoLetterTexts texts = DemoLetterTexts.Bundled.Value;
    private readonly Unit city;
    private readonly List<(Unit Unit, string Field, int Weight)> mailboxes;
    private readonly int totalWeight;
    private readonly Dictionary<Guid, string> fieldOf;
    private readonly Dictionary<Guid, Unit> byId;
    private readonly Dictionary<(Guid Mailbox, string Field), Unit[]> handlers = [];
    private readonly Dictionary<Guid, string> staff = [];
    private readonly Dictionary<string, string> chosen = [];

    public DemoLetterLives(Random random, WorkCalendar calendar, LetterLog log, IReadOnlyDictionary<string, Unit> units, HashSet<Guid> open, double backlog)
    {
        (this.random, this.calendar, this.log, this.backlog, today) = (random, calendar, log, backlog, log.Today);
        city = units["city"];
        byId = units.Values.ToDictionary(u => u.Id);
        fieldOf = Plan.Where(p => units.ContainsKey(p.Key)).ToDictionary(p => units[p.Key].Id, p => p.Field);
        mailboxes = [.. Plan.Where(p => p.Weight > 0 && units.TryGetValue(p.Key, out var u) && open.Contains(u.Id)).Select(p => (units[p.Key], p.Field, p.Weight))];
        totalWeight = mailboxes.Sum(m => m.Weight);
        foreach (var unit in units.Values)
            staff[unit.Id] = $"{Any(texts.Surnames)}某某（演示）";
    }

    /// <summary>How many letters arrive each day: working days about twice as many as rest days, give or take 30 %.</summary>
    public IEnumerable<(DateOnly Day, int Count)> Spread(int count, DateOnly from, DateOnly to, IReadOnlyDictionary<DateOnly, int> taken)
    {
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var weights = days.Select(d => (calendar.IsWorkingDay(d) ? 1.0 : 0.45) * (0.7 + 0.6 * random.NextDouble())).ToList();
        var (total, sum, made, carried) = (weights.Sum(), 0.0, 0, 0);
        for (var i = 0; i < days.Count; i++)
        {
            sum += weights[i];
            var due = i == days.Count - 1 ? count : (int)Math.Round(count * sum / total);
            var n = Math.Min(due - made + carried, GenerateDemoLetters.MaxPerDay - taken.GetValueOrDefault(days[i]));
            carried = due - made + carried - n;
            made = due;
            if (n > 0)
                yield return (days[i], n);
        }
        if (carried > 0)
            throw new InvalidOperationException($"期间内每天至多 {GenerateDemoLetters.MaxPerDay} 封来信，尚有 {carried} 封无法编号。");
    }

    /// <summary>One letter arriving on <paramref name="received"/>, with its log up to today and its derived columns.</summary>
    public Letter Letter(DateOnly received, string number)
    {
        chosen.Clear();
        var siteError = random.NextDouble() < SiteErrorShare;
        var (mailbox, field) = siteError ? (city, "政府") : PickMailbox();
        var topic = siteError ? null : PickTopic(mailbox, field);
        var type = siteError ? LetterType.SiteError : LetterTerms.ParseType(topic!.Type)!.Value;
        var draw = random.NextDouble();
        InvalidReason? invalid = draw < (siteError ? 0.10 : InvalidShare) ? PickReason(siteError) : null;
        var transfer = invalid is null && !siteError && draw < InvalidShare + TransferShare;
        chosen["D"] = mailbox.Kind == UnitKind.Government && mailbox.ParentId is not null ? mailbox.ShortName.Replace("政府", "", StringComparison.Ordinal) : Any(texts.Places["D"]);
        chosen["Y"] = received.Year.ToString();
        // The n-th subject, content and answer of a topic (or of the error channel) belong together.
        var site = random.Next(texts.SiteError.Subjects.Length);
        var k = random.Next(topic?.Subjects.Length ?? 1);
        var opening = Any(texts.Openings);
        if (opening.Contains("市长", StringComparison.Ordinal) && mailbox.ParentId is not null)
            opening = texts.Openings[0];
        var (subject, content) = invalid switch
        {
            InvalidReason.Empty => (Any(texts.Empty.Subjects), Any(texts.Empty.Contents)),
            InvalidReason.Advertising => (Any(texts.Advertising.Subjects), Any(texts.Advertising.Contents)),
            _ when siteError => (texts.SiteError.Subjects[site], texts.SiteError.Contents[site]),
            _ => (Fill(topic!.Subjects[k]), Fill($"{opening}{topic.Contents[k % topic.Contents.Length]}{Any(texts.Closings)}")),
        };
        var letter = new Letter
        {
            Number = number,
            QueryCode = TrackingCode.New(),
            Channel = siteError ? LetterChannel.SiteError : LetterChannel.Mailbox,
            MailboxUnitId = mailbox.Id,
            UnitId = mailbox.Id,
            Type = type,
            Subject = subject,
            Content = content,
            PageUrl = siteError ? texts.SiteError.Pages[site % texts.SiteError.Pages.Length] : "",
            WriterName = Any(texts.Surnames) + Any(texts.Given),
            Phone = $"0000-{random.Next(80000000, 89999999)}",
            Email = random.NextDouble() < 0.3 ? $"writer{random.Next(1, 1_000_000)}@example.com" : "",
            PublishConsent = random.NextDouble() < ConsentShare,
        };
        letter.Fingerprint = LetterRequest.Fingerprint(letter.Content);
        var life = new Life(this, letter, received);
        if (invalid is { } reason)
            life.Screen(LetterEventKind.Rejected, e => (e.InvalidReason, e.Note) = (reason, reason.ChineseName()));
        else if (transfer)
            life.Transfer(PickChannel());
        else
            life.Handle(topic is null ? null : topic.Answers[k % topic.Answers.Length], siteError ? texts.SiteError.Answers[site] : null, field);
        life.Finish();
        return letter;
    }

    private (Unit Unit, string Field) PickMailbox()
    {
        var pick = random.Next(totalWeight);
        foreach (var (unit, field, weight) in mailboxes)
        {
            if ((pick -= weight) < 0)
                return (unit, field);
        }
        return (city, "政府");
    }

    /// <summary>A bureau's mailbox gets letters on its field; a government's on any.</summary>
    private DemoLetterTexts.Topic PickTopic(Unit mailbox, string field)
    {
        var topics = mailbox.Kind == UnitKind.Government ? texts.Topics : texts.Topics.Where(t => t.Field == field).DefaultIfEmpty(Any(texts.Topics)).ToArray();
        return Any(topics);
    }

    private InvalidReason PickReason(bool siteError) => siteError ? InvalidReason.Duplicate : random.NextDouble() switch
    {
        < 0.50 => InvalidReason.Duplicate,
        < 0.75 => InvalidReason.Empty,
        < 0.90 => InvalidReason.NotOurMatter,
        _ => InvalidReason.Advertising,
    };

    private TransferChannel PickChannel() => random.NextDouble() switch
    {
        < 0.60 => TransferChannel.Petition,
        < 0.85 => TransferChannel.Discipline,
        _ => TransferChannel.OtherGovernment,
    };

    /// <summary>The units of the mailbox's subtree that handle a field (a government's letters go to its districts and towns).</summary>
    private Unit[] Handlers(Unit mailbox, string field)
    {
        if (!handlers.TryGetValue((mailbox.Id, field), out var found))
        {
            var fields = field == "政府" ? new[] { "政府", "乡镇" } : [field];
            handlers[(mailbox.Id, field)] = found = [.. fieldOf.Where(f => fields.Contains(f.Value) && f.Key != mailbox.Id).Select(f => byId[f.Key])
                .Where(u => UnitPath.IsWithin(u.Path, mailbox.Path))];
        }
        return found;
    }

    private string Fill(string template) => DemoLetterTexts.Fill(template, name => name switch
    {
        "M" => random.Next(1, 13).ToString(),
        "N" => random.Next(2, 10).ToString(),
        _ when chosen.TryGetValue(name, out var value) => value,
        _ when texts.Places.TryGetValue(name, out var values) => chosen[name] = Any(values),
        _ => $"{{{name}}}",   // {U}: the answering unit, known only later
    });

    private T Any<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
}
