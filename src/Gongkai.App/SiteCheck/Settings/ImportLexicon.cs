using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// Imports a unit's serious-error lexicon from a file: UTF-8 text, CSV (comma-separated, fields with commas in double
/// quotes) or TXT (tab-separated, or comma-separated when no line has a tab), one entry a line with the columns
/// 类型,词语,正确写法,说明 — 类型 as its Chinese name (名称职务错误、严重错别字、禁用词) or its key (WrongName, Misspelling,
/// Forbidden); a first line that starts with 「类型」 is the header; lines starting with # are comments. A term already
/// in the lexicon is updated, not refused. Every line is checked first: when any line is wrong nothing is imported, and
/// each problem is reported with its line number, so the file can be corrected and imported again whole.
/// </summary>
public sealed class ImportLexicon(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(string UnitCode, string FileName, byte[] Content);

    /// <summary>How many entries were added, changed, and were already there as given.</summary>
    public sealed record Result(int Added, int Updated, int Unchanged)
    {
        public override string ToString() => $"新增 {Added} 条，更新 {Updated} 条，{Unchanged} 条无变化";
    }

    public const int MaxBytes = 1024 * 1024;
    public const int MaxEntries = 5000;
    public const int MaxProblems = 200;

    public static readonly string KindNames = string.Join("、", Enum.GetValues<LexiconKind>().Select(k => $"{k.ChineseName()}（{k}）"));

    private sealed record Row(int Line, LexiconKind Kind, string Term, string Correction, string Note);

    public async Task<Outcome<Result>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<Result>.Denied(SiteCheckAccess.NotAllowed);
        var unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<Result>.Missing(SiteCheckAccess.NoSuchUnit);
        var name = Path.GetFileName(input.FileName ?? "");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".txt"))
            return Outcome<Result>.Invalid("File", "请上传 .csv 或 .txt 文件。");
        if (input.Content is null || input.Content.Length == 0)
            return Outcome<Result>.Invalid("File", "文件是空的。");
        if (input.Content.Length > MaxBytes)
            return Outcome<Result>.Invalid("File", $"文件不能超过 {MaxBytes / 1024} KB。");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(input.Content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Outcome<Result>.Invalid("File", "文件不是 UTF-8 编码。请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或用记事本“另存为”时选择 UTF-8 编码。");
        }

        var problems = new List<Problem>();
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var (line, fields) in Lines(text, extension == ".txt" && text.Contains('\t') ? "\t" : ","))
        {
            string Field(int i) => i < fields.Length ? fields[i].Trim() : "";
            if (rows.Count == 0 && problems.Count == 0 && Field(0) == "类型")
                continue;
            var kind = SiteCheckNames.Parse<LexiconKind>(Field(0), SiteCheckNames.ChineseName);
            var lineProblems = new List<Problem>();
            if (kind is null)
                lineProblems.Add(new("类型", Field(0).Length == 0 ? $"请填写类型（{KindNames}）。" : $"“{Field(0)}”不是有效的类型，应为{KindNames}。", line));
            if (fields.Length > 4)
                lineProblems.Add(new("", $"有 {fields.Length} 列，应为 4 列（类型,词语,正确写法,说明）；内容含逗号时请用英文双引号括起。", line));
            var (term, correction, note) = (Field(1), Field(2), Field(3));
            lineProblems.AddRange(LexiconRules.Problems(kind ?? LexiconKind.Forbidden, term, correction, note).Select(p => new Problem(p.Field, p.Message, line)));
            if (lineProblems.Count > 0)
            {
                problems.AddRange(lineProblems);
                if (problems.Count >= MaxProblems)
                    break;
                continue;
            }
            // The same term twice in a file: the later line is the one kept, as a later import would update it.
            rows[term] = new Row(line, kind!.Value, term, correction, note);
            if (rows.Count > MaxEntries)
                return Outcome<Result>.Invalid("File", $"一次最多导入 {MaxEntries} 条，请分成几个文件。");
        }
        if (problems.Count > 0)
            return Outcome<Result>.Invalid([.. problems.Take(MaxProblems)]);
        if (rows.Count == 0)
            return Outcome<Result>.Invalid("File", "文件中没有词条。");

        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows.Values.OrderBy(r => r.Line))
        {
            var (_, isNew, changed) = await LexiconRules.UpsertAsync(db, unit.Id, row.Kind, row.Term, row.Correction, row.Note, actor.DisplayName, now, ct);
            if (isNew)
                added++;
            else if (changed)
                updated++;
            else
                unchanged++;
        }
        var result = new Result(added, updated, unchanged);
        SiteCheckAccess.Log(db, actor, unit.Id, clock, "导入词库", name, result.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome<Result>.Done(result);
    }

    /// <summary>The file's records with their line numbers; blank lines and # comments are left out.</summary>
    private static IEnumerable<(int Line, string[] Fields)> Lines(string text, string delimiter)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = delimiter,
            AllowComments = true,
            Comment = '#',
            IgnoreBlankLines = true,
            BadDataFound = null,
            Mode = delimiter == "\t" ? CsvMode.NoEscape : CsvMode.RFC4180,
        });
        while (csv.Read())
        {
            var fields = csv.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
                continue;
            // The raw line the record was read from (its last, for a quoted field over several lines).
            yield return (csv.RawRow, fields);
        }
    }
}
