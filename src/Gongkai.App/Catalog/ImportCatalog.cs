using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// `gongkai catalog import FILE.jsonl|FILE.csv`: brings in a catalog published before Gongkai. Every row is checked
/// first and every bad one reported (line, field, reason in Chinese); a valid file is then written completely or not
/// at all (<see cref="BulkCatalogWriter"/>). Items keep their 索引号; rows without one are numbered as publication
/// numbers them. Keys (JSON) or header (CSV), in English or Chinese: index_number/索引号, unit/发布机构 (organisation
/// code or full name), title/名称, summary/内容概述, body/正文 (HTML or plain text), formed_on/成文日期,
/// published_on/发布日期, document_number/文号, theme/主题分类, genre/体裁, keywords/关键词, attribute/公开属性,
/// validity/有效性, effective_on/实施日期, repealed_on/废止日期, channels/发布渠道, interprets/解读对象 (its 索引号).
/// </summary>
public sealed partial class ImportCatalog(GongkaiDb db, BulkCatalogWriter writer, IndexNumberFormat format, TimeProvider clock)
{
    private static readonly (string Key, string Chinese)[] Columns =
    [
        ("index_number", "索引号"), ("unit", "发布机构"), ("title", "名称"), ("summary", "内容概述"), ("body", "正文"),
        ("formed_on", "成文日期"), ("published_on", "发布日期"), ("document_number", "文号"), ("theme", "主题分类"), ("genre", "体裁"),
        ("keywords", "关键词"), ("attribute", "公开属性"), ("validity", "有效性"), ("effective_on", "实施日期"), ("repealed_on", "废止日期"),
        ("channels", "发布渠道"), ("interprets", "解读对象"),
    ];

    private static readonly Dictionary<string, string> KeyOf = Columns.SelectMany(c => new[] { (c.Key, c.Key), (c.Chinese, c.Key) })
        .Concat([("标题", "title")]).ToDictionary(p => p.Item1, p => p.Item2);

    private static readonly Dictionary<string, string> ChineseOf = Columns.ToDictionary(c => c.Key, c => c.Chinese);

    /// <summary>How long each phase of the last import took (the check of every row, then <see cref="BulkCatalogWriter.Timings"/>).</summary>
    public IReadOnlyList<BulkCatalogWriter.Phase> Timings { get; private set; } = [];

    /// <summary>Problems reported at most; a file with more is wrong throughout and the first ones say how.</summary>
    public const int MaxProblems = 1000;

    private sealed record Units(Dictionary<string, (Guid Id, string Code)> ByCode, Dictionary<string, (Guid Id, string Code)> ByName);

    /// <param name="open">Opens the file (it is read twice: checked, then written).</param>
    public async Task<Outcome<long>> HandleAsync(Func<Stream> open, bool csv, string actor, IProgress<(long Done, long Total)>? progress = null,
        CancellationToken ct = default)
    {
        var checkPass = new BulkCatalogWriter.Phases();
        var units = await LoadUnitsAsync(ct);
        var existing = (await db.CatalogItems.Where(i => i.IndexNumber != null).Select(i => new { i.IndexNumber, i.Id }).ToListAsync(ct))
            .ToDictionary(i => i.IndexNumber!, i => i.Id);
        var today = clock.Today();
        var codes = units.ByCode.Values.ToDictionary(u => u.Id, u => u.Code);

        // First pass: every row checked; the 索引号 in the file, and who each 解读 points at.
        var problems = new List<Problem>();
        var inFile = new Dictionary<string, (int Line, Guid Id)>();
        var ids = new List<Guid>();
        var references = new List<(int Line, string IndexNumber)>();
        var highest = new Dictionary<(string, int), int>();
        long rows = 0;
        // Rows are parsed and checked on every core (the core would otherwise wait: nothing else runs in this pass).
        var checkedRows = Data.RowFiles.ReadParallel(open, csv, KeyOf, row => (row.Line, row.Fields,
            Checked: row.Unreadable is null ? Convert(row.Line, row.Fields, units, today) : (null, [new("", row.Unreadable, row.Line)])));
        foreach (var (line, fields, (item, rowProblems)) in checkedRows)
        {
            rows++;
            var id = Guid.CreateVersion7();
            ids.Add(id);
            if (item is not null && item.IndexNumber is { } number)
            {
                if (existing.ContainsKey(number))
                    rowProblems.Add(new("索引号", $"索引号 {number} 已在目录中。", line));
                else if (!inFile.TryAdd(number, (line, id)))
                    rowProblems.Add(new("索引号", $"索引号 {number} 与第 {inFile[number].Line} 行重复。", line));
                else if (format.Read(codes[item.UnitId], number) is var (period, serial))
                {
                    var key = (format.Prefix(codes[item.UnitId]), period);
                    highest[key] = Math.Max(serial, highest.GetValueOrDefault(key));
                }
            }
            if (item?.Genre == Genre.Interpretation)
                references.Add((line, fields.GetValueOrDefault("interprets", "").Trim()));
            if (problems.Count < MaxProblems)
                problems.AddRange(rowProblems.Take(MaxProblems - problems.Count));
            if (rows % 10_000 == 0)
                progress?.Report((rows, 0));
        }
        foreach (var (line, number) in references.Where(r => !existing.ContainsKey(r.IndexNumber) && !inFile.ContainsKey(r.IndexNumber)))
        {
            if (problems.Count < MaxProblems)
                problems.Add(new("解读对象", $"所解读政策的索引号 {number} 既不在目录中，也不在本文件中。", line));
        }
        if (rows == 0)
            problems.Add(new("", "文件中没有信息。"));
        if (problems.Count > 0)
            return Outcome<long>.Invalid([.. problems.OrderBy(p => p.Line)]);

        checkPass.End("检查全部行");
        // Second pass: the same rows, written. Rows without 索引号 get the next numbers after the file's and the database's.
        var counters = await db.IndexCounters.AsNoTracking().ToDictionaryAsync(c => (c.Prefix, c.Period), c => c.Last, ct);
        foreach (var (key, serial) in highest)
            counters[key] = Math.Max(serial, counters.GetValueOrDefault(key));
        var written = await writer.WriteAsync(Items(), codes, progress, rows, ct);
        Timings = [.. checkPass.Done, .. writer.Timings];
        return Outcome<long>.Done(written);

        async IAsyncEnumerable<CatalogItem> Items([EnumeratorCancellation] CancellationToken token = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var n = 0;
            foreach (var (line, fields, _) in Read(open, csv))
            {
                token.ThrowIfCancellationRequested();
                var item = Convert(line, fields, units, today).Item!;
                item.Id = ids[n++];
                var code = codes[item.UnitId];
                if (item.IndexNumber is null)
                {
                    var key = (format.Prefix(code), format.Period(item.PublishedOn!.Value));
                    do
                        counters[key] = counters.GetValueOrDefault(key) + 1;
                    while (existing.ContainsKey(item.IndexNumber = format.Format(code, item.PublishedOn!.Value, counters[key]))
                        || inFile.ContainsKey(item.IndexNumber));
                }
                if (item.Genre == Genre.Interpretation)
                {
                    var target = fields["interprets"].Trim();
                    item.InterpretsId = existing.TryGetValue(target, out var known) ? known : inFile[target].Id;
                }
                (item.CreatedAt, item.UpdatedAt) = (now, now);
                item.Log.Add(new() { ItemId = item.Id, Sequence = 1, Action = CatalogActions.Imported, At = now, ActorName = actor, Note = $"自原目录导入（第 {line} 行）" });
                yield return item;
                await Task.CompletedTask;
            }
        }
    }

    private async Task<Units> LoadUnitsAsync(CancellationToken ct)
    {
        var all = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.FullName }).ToListAsync(ct);
        return new(all.ToDictionary(u => u.Code, u => (u.Id, u.Code)),
            all.GroupBy(u => u.FullName).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => (g.Single().Id, g.Single().Code)));
    }

    /// <summary>One row as an item (published, not yet numbered unless the row has a 索引号), or its problems.</summary>
    private (CatalogItem? Item, List<Problem> Problems) Convert(int line, Dictionary<string, string> f, Units units, DateOnly today)
    {
        var problems = new List<Problem>();
        string Text(string key) => f.GetValueOrDefault(key, "").Trim();
        void Problem(string key, string message) => problems.Add(new(ChineseOf.GetValueOrDefault(key, key), message, line));
        DateOnly? Date(string key, bool required)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                if (required)
                    Problem(key, $"请填写{ChineseOf[key]}。");
                return null;
            }
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var day))
                return day;
            Problem(key, $"{ChineseOf[key]}“{text}”不是日期（如 2024-05-20 或 2024年5月20日）。");
            return null;
        }
        T? Choice<T>(string key, Func<T, string> chinese, T? empty) where T : struct, Enum
        {
            var text = Text(key);
            if (text.Length == 0)
                return empty;
            foreach (var value in Enum.GetValues<T>())
            {
                if (chinese(value) == text || value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase))
                    return value;
            }
            Problem(key, $"{ChineseOf[key]}“{text}”无法识别，可填：{string.Join("、", Enum.GetValues<T>().Select(chinese))}。");
            return null;
        }

        var unitText = Text("unit");
        (Guid Id, string Code)? unit = units.ByCode.TryGetValue(unitText, out var byCode) ? byCode
            : units.ByName.TryGetValue(unitText, out var byName) ? byName
            : OrganisationCode.TryParse(unitText, out var parsed, out _) && units.ByCode.TryGetValue(parsed!.Value, out var normalized) ? normalized : null;
        if (unit is null)
            Problem("unit", unitText.Length == 0 ? "请填写发布机构（组织机构代码或全称）。" : $"发布机构“{unitText}”不是已登记的单位（请先导入单位）。");
        var formed = Date("formed_on", true);
        var published = Date("published_on", true);
        var effective = Date("effective_on", false);
        var repealed = Date("repealed_on", false);
        var genre = Choice<Genre>("genre", g => g.ChineseName(), null);
        if (Text("genre").Length == 0)
            Problem("genre", "请填写体裁。");
        var validity = Choice("validity", (Validity v) => v.ChineseName(), Validity.InForce);
        var attribute = Choice("attribute", (DisclosureAttribute a) => a.ChineseName(), DisclosureAttribute.Proactive);
        var channels = PublicationChannels.Website;
        foreach (var name in Text("channels").Split([';', '；', '、', ',', '，', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var channel = Enum.GetValues<PublicationChannels>().Where(c => c != PublicationChannels.None)
                .FirstOrDefault(c => c.ChineseNames().Single() == name || c.ToString().Equals(name, StringComparison.OrdinalIgnoreCase));
            if (channel == PublicationChannels.None)
                Problem("channels", $"发布渠道“{name}”无法识别，可填：政府公报、政府网站、政务微博、政务微信、其他。");
            channels |= channel;
        }
        var number = Text("index_number");
        if (number.Length > 0 && !IndexNumberFormat.LooksLikeIndexNumber(number))
            Problem("index_number", $"索引号“{number}”的格式无法识别（应如 014416330/2018-04736）。");
        if (published is { } p && formed is { } fo && p < fo)
            Problem("published_on", "发布日期不能早于成文日期。");
        if (published > today)
            Problem("published_on", "发布日期不能晚于今天。");
        if (formed is null || published is null || genre is null || validity is null || attribute is null)
            return (null, problems);

        var draft = new CatalogDraft
        {
            Title = Text("title"),
            Summary = Text("summary"),
            Body = Text("body"),
            FormedOn = formed.Value,
            DocumentNumber = Text("document_number"),
            Theme = Text("theme"),
            Genre = genre.Value,
            Keywords = Text("keywords"),
            Attribute = attribute.Value,
            Validity = validity.Value,
            EffectiveOn = effective,
            RepealedOn = repealed,
            Channels = channels,
            InterpretsIndexNumber = Text("interprets"),
        };
        foreach (var (field, message) in draft.Problems(today))
            problems.Add(new(DraftFields.GetValueOrDefault(field, field), message, line));
        if (problems.Count > 0 || unit is null)
            return (null, problems);
        return (new CatalogItem
        {
            UnitId = unit.Value.Id,
            State = CatalogState.Published,
            IndexNumber = number.Length > 0 ? number : null,
            Title = draft.Title,
            Summary = draft.Summary,
            Body = CleanBody(draft.Body),
            FormedOn = draft.FormedOn,
            PublishedOn = published,
            DocumentNumber = draft.DocumentNumber,
            Theme = draft.Theme,
            Genre = draft.Genre,
            Keywords = draft.Keywords,
            Attribute = draft.Attribute,
            Validity = draft.Validity,
            EffectiveOn = draft.EffectiveOn,
            RepealedOn = draft.RepealedOn,
            Channels = draft.Channels,
        }, problems);
    }

    /// <summary>One item as a line of an import file (JSON Lines): what `gongkai demo catalog --out` writes.</summary>
    public static void WriteLine(Stream output, CatalogItem item, string unitCode, string? interprets)
    {
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("index_number", item.IndexNumber);
            json.WriteString("unit", unitCode);
            json.WriteString("title", item.Title);
            json.WriteString("summary", item.Summary);
            json.WriteString("body", item.Body);
            json.WriteString("formed_on", item.FormedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("published_on", item.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("document_number", item.DocumentNumber);
            json.WriteString("theme", item.Theme);
            json.WriteString("genre", item.Genre.ChineseName());
            json.WriteString("keywords", item.Keywords);
            json.WriteString("attribute", item.Attribute.ChineseName());
            json.WriteString("validity", item.Validity.ChineseName());
            if (item.EffectiveOn is { } effective)
                json.WriteString("effective_on", effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (item.RepealedOn is { } repealed)
                json.WriteString("repealed_on", repealed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("channels");
            foreach (var channel in item.Channels.ChineseNames())
                json.WriteStringValue(channel);
            json.WriteEndArray();
            if (interprets is not null)
                json.WriteString("interprets", interprets);
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    private static readonly Dictionary<string, string> DraftFields = new()
    {
        [nameof(CatalogDraft.Title)] = "名称",
        [nameof(CatalogDraft.Summary)] = "内容概述",
        [nameof(CatalogDraft.FormedOn)] = "成文日期",
        [nameof(CatalogDraft.DocumentNumber)] = "文号",
        [nameof(CatalogDraft.Theme)] = "主题分类",
        [nameof(CatalogDraft.Genre)] = "体裁",
        [nameof(CatalogDraft.Keywords)] = "关键词",
        [nameof(CatalogDraft.EffectiveOn)] = "实施日期",
        [nameof(CatalogDraft.RepealedOn)] = "废止日期",
        [nameof(CatalogDraft.InterpretsIndexNumber)] = "解读对象",
    };

    /// <summary>
    /// The body as safe HTML: plain text becomes paragraphs; HTML of plain tags only (no attributes) is already safe and
    /// kept as it is (most bodies — the sanitizer costs more than the rest of an import row); anything else is sanitized.
    /// </summary>
    public static string CleanBody(string body)
    {
        if (!body.Contains('<'))
            return string.Concat(body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        return PlainTags().IsMatch(body) ? body : CatalogBodyHtml.Sanitize(body);
    }

    [GeneratedRegex(@"^(?:(?>[^<>&]+)|&(?:amp|lt|gt|quot|nbsp|#\d{1,6});|</?(?:p|br|strong|b|em|i|u|h[2-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote)\s*/?>)*$")]
    private static partial Regex PlainTags();

    /// <summary>
    /// The rows of the file with their line numbers, each as key → text (keys as in <see cref="Columns"/>), or why a
    /// line cannot be read.
    /// </summary>

    private static IEnumerable<(int Line, Dictionary<string, string> Fields, string? Unreadable)> Read(Func<Stream> open, bool csv) =>
        Data.RowFiles.Read(open, csv, KeyOf);
}
