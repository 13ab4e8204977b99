using System.Globalization;
using Gongkai.App.Data;
using Gongkai.App.Tracking;
using Gongkai.Core.Letters;
using Gongkai.Core.Privacy;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// `gongkai letters import FILE.csv|FILE.jsonl`: letters brought over from an old mailbox system, with their numbers
/// and history. Every row is checked first (line, column, reason in Chinese); a valid file is then written completely,
/// in one transaction, or not at all. Keys (JSON) or header (CSV), in English or Chinese: number/信件编号, mailbox/信箱
/// (unit code or zhaocuo), type/类型, subject/标题, content/内容, name/姓名, phone/电话, email/邮箱, page_url/网页地址,
/// publish_consent/同意公开, received_on/来信日期, invalid_reason/无效原因, transfer/转出 (信访|纪检|其他政府),
/// transferred_to/转往, unit/承办单位 (unit code), answered_on/答复日期, answer/答复内容, rating/评价, rated_on/评价日期,
/// published_on/公开日期, code/查询码 (kept when given, otherwise a new one).
/// </summary>
public sealed class ImportLetters(GongkaiDb db, LetterLog log, TimeProvider clock)
{
    private static readonly (string Key, string Chinese)[] Columns =
    [
        ("number", "信件编号"), ("mailbox", "信箱"), ("type", "类型"), ("subject", "标题"), ("content", "内容"), ("name", "姓名"),
        ("phone", "电话"), ("email", "邮箱"), ("page_url", "网页地址"), ("publish_consent", "同意公开"), ("received_on", "来信日期"),
        ("invalid_reason", "无效原因"), ("transfer", "转出"), ("transferred_to", "转往"), ("unit", "承办单位"), ("answered_on", "答复日期"),
        ("answer", "答复内容"), ("rating", "评价"), ("rated_on", "评价日期"), ("published_on", "公开日期"), ("code", "查询码"),
    ];

    private static readonly Dictionary<string, string> KeyOf = Columns.SelectMany(c => new[] { (c.Key, c.Key), (c.Chinese, c.Key) })
        .ToDictionary(p => p.Item1, p => p.Item2);

    private static readonly Dictionary<string, string> ChineseOf = Columns.ToDictionary(c => c.Key, c => c.Chinese);

    public const int MaxProblems = 1000;

    private sealed record UnitRow(Guid Id, string Code, string Path);

    public async Task<Outcome<int>> HandleAsync(Func<Stream> open, bool csv, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Select(u => new UnitRow(u.Id, u.Code, u.Path)).ToDictionaryAsync(u => u.Code, ct);
        var top = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var existingNumbers = (await db.Letters.AsNoTracking().Select(l => l.Number).ToListAsync(ct)).ToHashSet();
        var existingCodes = (await db.Letters.AsNoTracking().Select(l => l.QueryCode).ToListAsync(ct)).ToHashSet();
        var calendar = await log.CalendarAsync(ct);
        var today = log.Today;

        var problems = new List<Problem>();
        var letters = new List<Letter>();
        var numbers = new Dictionary<string, int>();
        foreach (var (line, fields, unreadable) in RowFiles.Read(open, csv, KeyOf))
        {
            var rowProblems = new List<Problem>();
            Letter? letter = null;
            if (unreadable is not null)
                rowProblems.Add(new("", unreadable, line));
            else
                (letter, rowProblems) = Convert(line, fields, units, top, today);
            var number = fields.GetValueOrDefault("number", "").Trim();
            if (existingNumbers.Contains(number))
                rowProblems.Add(new("信件编号", $"信件编号 {number} 已在系统中。", line));
            else if (number.Length > 0 && !numbers.TryAdd(number, line))
                rowProblems.Add(new("信件编号", $"信件编号 {number} 与第 {numbers[number]} 行重复。", line));
            if (letter is not null)
            {
                if (!existingCodes.Add(letter.QueryCode))
                    rowProblems.Add(new("查询码", "查询码与已有来信重复。", line));
                if (rowProblems.Count == 0 && Replay(letter, calendar, today) is { } refusal)
                    rowProblems.Add(new("", refusal, line));
            }
            if (rowProblems.Count == 0)
                letters.Add(letter!);
            else if (problems.Count < MaxProblems)
                problems.AddRange(rowProblems.Take(MaxProblems - problems.Count));
            if ((letters.Count + problems.Count) % 1000 == 0)
                progress?.Report((letters.Count, 0));
        }
        if (letters.Count == 0 && problems.Count == 0)
            problems.Add(new("", "文件中没有来信。"));
        if (problems.Count > 0)
            return Outcome<int>.Invalid(problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var written = 0;
        foreach (var chunk in letters.Chunk(500))
        {
            db.Letters.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += chunk.Length;
            progress?.Report((written, letters.Count));
        }
        // The published ones queued for the search index, last so that the entries' ids come just before the commit
        // (see Search.SearchFollower on gaps).
        var now = clock.GetUtcNow().UtcDateTime;
        db.AddRange(letters.Where(Search.IndexedLetters.IsPublished).Select(l => Search.SearchChange.ForLetter(l.Id, now)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Done(written);
    }

    /// <summary>Checks the history a row describes against the transition table and the rules, step by step, and fills in the derived columns.</summary>
    private string? Replay(Letter letter, Core.Calendar.WorkCalendar calendar, DateOnly today)
    {
        var steps = letter.Log.OrderBy(e => e.Sequence).ToList();
        for (var i = 1; i < steps.Count; i++)
        {
            var status = LetterHistory.Replay(steps.Take(i).Select(e => e.ToEvent()), calendar, letter.Type, log.Settings.TimeLimits);
            var closes = status.AnsweredOn is { } a ? LetterClock.RatingClosesOn(calendar, a, log.Settings.RatingWindowDays) : (DateOnly?)null;
            // An old system's rating may have come in late; it is kept as recorded.
            if (LetterHistory.Refusal(status, steps[i].ToEvent(), letter.Type, log.Settings.TimeLimits, today, steps[i].Kind == LetterEventKind.Rated ? null : closes, letter.PublishConsent) is { } refusal)
                return $"{steps[i].Kind.ChineseName()}（{steps[i].Date:yyyy-MM-dd}）：{refusal}";
        }
        log.Refresh(letter, calendar);
        return null;
    }

    private (Letter? Letter, List<Problem> Problems) Convert(int line, Dictionary<string, string> f, Dictionary<string, UnitRow> units, Guid? top, DateOnly today)
    {
        var problems = new List<Problem>();
        string Get(string key) => f.GetValueOrDefault(key, "").Trim();
        void Bad(string key, string message) => problems.Add(new(ChineseOf[key], message, line));
        DateOnly? Date(string key, bool required)
        {
            var text = Get(key);
            if (text.Length == 0)
            {
                if (required)
                    Bad(key, $"请填写{ChineseOf[key]}（YYYY-MM-DD）。");
                return null;
            }
            if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Bad(key, $"“{text}”不是有效日期（YYYY-MM-DD）。");
                return null;
            }
            if (day > today)
                Bad(key, $"{ChineseOf[key]}不能晚于今天。");
            return day;
        }

        var number = Get("number");
        if (number.Length is < 4 or > 20 || !number.All(char.IsAsciiLetterOrDigit))
            Bad("number", "信件编号应为 4 至 20 位字母或数字。");
        var mailboxKey = Get("mailbox");
        var errorChannel = string.Equals(mailboxKey, WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase);
        UnitRow? mailbox = null;
        if (errorChannel)
            mailbox = top is { } t ? units.Values.FirstOrDefault(u => u.Id == t) : null;
        else if (OrganisationCode.TryParse(mailboxKey, out var code, out _))
            mailbox = units.GetValueOrDefault(code!.Value);
        if (mailbox is null)
            Bad("mailbox", $"信箱“{mailboxKey}”应为单位的组织机构代码（或统一社会信用代码），或 zhaocuo。");
        var type = LetterTerms.ParseType(Get("type"));
        var request = new LetterRequest
        {
            Type = type ?? LetterType.Other,
            Subject = Get("subject"),
            Content = Get("content"),
            Name = Get("name"),
            Phone = Get("phone"),
            Email = Get("email"),
            PageUrl = Get("page_url"),
            PublishConsent = Get("publish_consent") is "是" or "同意" or "true" or "1" or "True",
        };
        if (type is null)
            Bad("type", "类型应为咨询、建议、投诉、求助、其他或找错。");
        foreach (var (field, message) in request.Problems(errorChannel).Where(p => p.Field != "type" || type is not null))
            problems.Add(new(ChineseOf.GetValueOrDefault(field == "pageUrl" ? "page_url" : field == "name" ? "name" : field, field), message, line));
        var received = Date("received_on", required: true);
        var queryCode = Get("code") is { Length: > 0 } given ? TrackingCode.Normalize(given) : TrackingCode.New();
        if (queryCode.Length != 14)
            Bad("code", "查询码应为 12 位字母或数字。");
        if (problems.Count > 0 || mailbox is null || received is null)
            return (null, problems);

        var letter = new Letter
        {
            Number = number,
            QueryCode = queryCode,
            Channel = errorChannel ? LetterChannel.SiteError : LetterChannel.Mailbox,
            MailboxUnitId = mailbox.Id,
            UnitId = mailbox.Id,
            Type = request.Type,
            Subject = request.Subject,
            Content = request.Content,
            PageUrl = request.Type == LetterType.SiteError ? request.PageUrl : "",
            WriterName = request.Name,
            Phone = request.Phone,
            Email = request.Email,
            PublishConsent = request.PublishConsent,
            Fingerprint = LetterRequest.Fingerprint(request.Content),
            CreatedAt = DateTime.SpecifyKind(received.Value.ToDateTime(new TimeOnly(1, 0)), DateTimeKind.Utc),
        };
        var sequence = 0;
        void Step(LetterEventKind kind, DateOnly date, Action<LetterLogEntry>? fill = null)
        {
            var entry = new LetterLogEntry { Kind = kind, Date = date, Sequence = ++sequence, RecordedAt = DateTime.UtcNow, ActorName = "导入", LetterId = letter.Id };
            fill?.Invoke(entry);
            letter.Log.Add(entry);
        }
        Step(LetterEventKind.Submitted, received.Value, e => e.Note = "从原信箱系统导入");

        var invalid = Get("invalid_reason");
        var transfer = Get("transfer");
        var answered = Date("answered_on", required: false);
        if (invalid.Length > 0)
        {
            var reason = LetterTerms.ParseChinese<InvalidReason>(invalid, r => r.ChineseName())
                ?? (invalid.Contains("重复") ? InvalidReason.Duplicate : invalid.Contains("广告") ? InvalidReason.Advertising
                    : invalid.Contains("辱骂") || invalid.Contains("攻击") ? InvalidReason.Abusive : invalid.Contains("职责") || invalid.Contains("本级") ? InvalidReason.NotOurMatter
                    : invalid.Contains("空") ? InvalidReason.Empty : (InvalidReason?)null);
            if (reason is null)
                Bad("invalid_reason", "无效原因应为：重复来信、内容空泛、辱骂攻击、广告或不属于本级政府职责范围。");
            else
                Step(LetterEventKind.Rejected, received.Value, e => (e.InvalidReason, e.Note) = (reason, invalid));
        }
        else if (transfer.Length > 0)
        {
            TransferChannel? channel = transfer.Contains("信访") ? TransferChannel.Petition : transfer.Contains("纪检") || transfer.Contains("监察") ? TransferChannel.Discipline
                : transfer.Contains("政府") ? TransferChannel.OtherGovernment : null;
            if (channel is null)
                Bad("transfer", "转出应为信访、纪检或其他政府。");
            else
                Step(LetterEventKind.TransferredOut, received.Value, e => (e.TransferChannel, e.Party) = (channel, Get("transferred_to") is { Length: > 0 } to ? to : channel.Value.ChineseName()));
        }
        else if (answered is not null || Get("unit").Length > 0)
        {
            Step(LetterEventKind.Accepted, received.Value, e => e.Routing = RoutingClass.Referred);
            if (Get("unit") is { Length: > 0 } unitCode)
            {
                var unit = OrganisationCode.TryParse(unitCode, out var c, out _) ? units.GetValueOrDefault(c!.Value) : null;
                if (unit is null || !UnitPath.IsWithin(unit.Path, mailbox.Path))
                    Bad("unit", $"承办单位“{unitCode}”应为信箱所属单位或其下级单位的代码。");
                else if (unit.Id != mailbox.Id)
                {
                    Step(LetterEventKind.Assigned, received.Value, e => e.ToUnitId = unit.Id);
                    letter.UnitId = unit.Id;
                }
            }
            if (answered is { } on)
            {
                var answer = Get("answer");
                if (answer.Length < 2)
                    Bad("answer", "有答复日期的来信请填写答复内容。");
                Step(LetterEventKind.AnswerSubmitted, on, e => e.Note = answer);
                Step(LetterEventKind.Answered, on, e => e.Note = answer);
                if (Get("rating") is { Length: > 0 } ratingText)
                {
                    var rating = LetterTerms.ParseChinese<LetterRating>(ratingText, r => r.ChineseName());
                    var ratedOn = Date("rated_on", required: false) ?? on;
                    if (rating is null)
                        Bad("rating", "评价应为满意、基本满意或不满意。");
                    else
                        Step(LetterEventKind.Rated, ratedOn, e => e.Rating = rating);
                }
                if (Date("published_on", required: false) is { } publishedOn)
                {
                    foreach (var (key, text) in new[] { ("subject", letter.Subject), ("content", letter.Content), ("answer", answer) })
                    {
                        if (PersonalDataScreen.Find(text).FirstOrDefault() is { } hit)
                            Bad(key, $"已公开的来信{ChineseOf[key]}含有个人信息（{hit.Kind.ChineseName()}），请先在原文中遮盖后再导入。");
                    }
                    Step(LetterEventKind.Published, publishedOn);
                    (letter.PublishedSubject, letter.PublishedContent, letter.PublishedAnswer, letter.PublishedOn) = (letter.Subject, letter.Content, answer, publishedOn);
                }
            }
        }
        return (problems.Count == 0 ? letter : null, problems);
    }
}
