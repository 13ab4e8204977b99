using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// What the reader found in a published report (issue 6).
/// </summary>
/// <param name="Form">The form the tables follow: detected from their labels, else from the year.</param>
/// <param name="Unit">The unit as the title states it (「长沙市人民政府」「湘西州」), or null.</param>
/// <param name="Year">The report year the title states, or null.</param>
/// <param name="Figures">Every cell the tables state (a blank cell absent; 「/」「-」「无」 as 0) and every summary key the
/// prose states (<c>applications.received</c> …); approximate figures marked.</param>
/// <param name="Evidence">For each figure, the text it was read from.</param>
/// <param name="Notes">What the reader could not settle: a form the labels and the year disagree on, a row whose figures
/// it could not place.</param>
/// <param name="Text">The normalized text (<see cref="ReportText.Normalize"/>) the figures and their offsets refer to.</param>
/// <param name="Written">For each figure read, the number as the report writes it (「97.8万条」), to show instead of the parsed value.</param>
/// <param name="Ocr">What was recognised from images (a scanned PDF), or null when all of it was text.</param>
public sealed record ReadReport(
    ReportForm Form, string? Unit, int? Year, ReportFigures Figures,
    ImmutableDictionary<string, string> Evidence, IReadOnlyList<string> Notes, string Text, ImmutableDictionary<string, string>? Written = null,
    OcrMarks? Ocr = null)
{
    /// <summary>The figure under <paramref name="key"/> as the report writes it, or null for a figure not read from the text (a derived sum).</summary>
    public string? WrittenAs(string key) => Written is not null && Written.TryGetValue(key, out var written) ? written : null;

    private const string TextPrefix = "text@";

    /// <summary>The evidence key of a number found in prose at <paramref name="offset"/> of <see cref="Text"/>.</summary>
    public static string TextKey(int offset) => TextPrefix + offset;

    /// <summary>
    /// Whether the figure under an evidence key was recognised from an image: a number in prose by where it stands, a
    /// figure read by <see cref="OcrMarks.Keys"/>, and a figure not read but derived (a total of cells) whenever any
    /// figure read was recognised.
    /// </summary>
    public bool IsOcr(string key) => Ocr is { } ocr && (Offset(key) is { } offset ? ocr.Covers(offset)
        : ocr.Keys.Contains(key) || (!Figures.Has(key) && !ocr.Keys.IsEmpty));

    private static int? Offset(string key) =>
        key.StartsWith(TextPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(TextPrefix.Length), out var offset) ? offset : null;

    /// <summary>The text behind an evidence key: a figure's source, or the clause at a <see cref="TextKey"/>.</summary>
    public string? Quote(string key)
    {
        if (Evidence.TryGetValue(key, out var quote))
            return quote;
        if (Offset(key) is { } offset && offset >= 0 && offset <= Text.Length)
            return ProseText.Quote(Text, offset, offset);
        return null;
    }
}

/// <summary>
/// Reads a published annual report — plain text, text flattened from HTML, Word or PDF, or raw HTML — into the model of
/// Gongkai's own reports: form, unit, year, the cells of the form's tables and the figures its prose states. Pure and
/// total: any string gives a result, in time linear in its length.
/// </summary>
public static partial class ReportReader
{
    /// <summary>What a page calls a figure read (a summary key, or a finer key only prose states): 「信函申请数」 ….</summary>
    public static string FigureName(string key) => ProseReader.ChineseName(key);

    public static ReadReport Read(string? text)
    {
        var normalized = ReportText.Normalize(text);
        var notes = new List<string>();
        var squeezed = Squeeze(normalized);
        var (unit, year) = ReportTitle.Read(squeezed);
        var form = DetectForm(squeezed, year, notes);
        var (cells, tableNotes) = TableReader.Read(form, TableTokens.Read(normalized));
        notes.AddRange(tableNotes);
        var prose = ProseReader.Read(normalized);
        var all = cells.Values.Concat(prose.Values).ToList();
        var figures = ReportFigures.From(all.Select(f => KeyValuePair.Create(f.Key, f.Number.Figure)));
        var evidence = all.ToImmutableDictionary(f => f.Key, f => f.Quote, StringComparer.Ordinal);
        var written = all.ToImmutableDictionary(f => f.Key, f => f.Written, StringComparer.Ordinal);
        return new ReadReport(form, unit, year, figures, evidence, notes, normalized, written);
    }

    /// <summary>
    /// The form: table labels decide (「本年制发件数」 only in 2021, 「本年新制作数量」 only in 2019, 「主动公开政府信息数」
    /// 「申请答复数」 only in the legacy 统计表); without them the year decides (<see cref="ReportForms.ForYear"/>); without
    /// either, the current 2021 form. A disagreement between labels and year is noted.
    /// </summary>
    private static ReportForm DetectForm(string squeezed, int? year, List<string> notes)
    {
        int Score(string[] phrases) => phrases.Count(p => squeezed.Contains(p, StringComparison.Ordinal));
        var (s2021, s2019, national, legacy) = (Score(Signatures2021), Score(Signatures2019), Score(SignaturesNational), Score(SignaturesLegacy));
        ReportForm? byYear = year is >= ReportForms.FirstYear and <= 2100 ? ReportForms.ForYear(year.Value) : null;
        ReportForm? byLabels =
            s2021 > s2019 && s2021 + national >= 2 ? ReportForm.Form2021 :
            s2019 > s2021 && s2019 + national >= 2 ? ReportForm.Form2019 :
            national >= 2 && national >= legacy ? (byYear == ReportForm.Form2019 ? ReportForm.Form2019 : ReportForm.Form2021) :
            legacy >= 2 ? ReportForm.Legacy : null;
        if (byLabels is { } labels && byYear is { } expected && labels != expected)
            notes.Add($"报告年度{year}年应使用{expected.ChineseName()}，但表格标签属于{labels.ChineseName()}，按表格标签读取。");
        if (byLabels is null && byYear is null)
            notes.Add("未能从年度或表格标签判断报告格式，按2021年版格式读取。");
        return byLabels ?? byYear ?? ReportForm.Form2021;
    }

    private static readonly string[] Signatures2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知要求缴纳费用"];

    private static readonly string[] Signatures2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购总金额", "其他对外管理服务事项"];

    private static readonly string[] SignaturesNational = ["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "尚未审结"];

    private static readonly string[] SignaturesLegacy = ["主动公开政府信息数", "申请答复数", "维持具体行政行为数", "政府信息公开情况统计表", "属于已主动公开范围数", "通过不同渠道和方式公开政府信息的情况", "申请办结数", "告知作出更改补充数"];

    private static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n' || (!char.IsWhiteSpace(c) && c != '|'))
                builder.Append(c);
        }
        return builder.ToString();
    }
}
