using System.Collections.Frozen;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// A form's rows in printed order with their label keys (<see cref="LabelText.Key"/>), and its header vocabulary —
/// column labels, captions, corners — each with the table it announces (null when several tables share it).
/// </summary>
internal sealed class LayoutIndex
{
    /// <param name="Order">Position among all rows of the form, in printed order.</param>
    /// <param name="First">The order of the first row of the same table.</param>
    public sealed record Entry(int Order, ReportTable Table, ReportRow Row, string Key, int First);

    /// <summary>Column headers of table 三 that show it has the applicant columns.</summary>
    public static readonly FrozenSet<string> ApplicantHeaders =
        FrozenSet.ToFrozenSet(["自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构"]);

    /// <summary>Headers that only table 四 prints.</summary>
    public static readonly FrozenSet<string> Table4Headers =
        FrozenSet.ToFrozenSet(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结"]);

    /// <summary>Labels one form prints for another's row: the 2019 form's 「规范性文件」 is the 2021 form's 「行政规范性文件」, and units mix them.</summary>
    private static readonly (string Label, string Alias)[] Aliases = [("行政规范性文件", "规范性文件"), ("规范性文件", "行政规范性文件")];

    private static readonly Dictionary<ReportForm, LayoutIndex> Cache = new()
    {
        [ReportForm.Form2021] = new(ReportLayouts.Form2021),
        [ReportForm.Form2019] = new(ReportLayouts.Form2019),
        [ReportForm.Legacy] = new(ReportLayouts.Legacy),
    };

    public static LayoutIndex For(ReportForm form) => Cache[form];

    private LayoutIndex(ReportLayout layout)
    {
        Layout = layout;
        var rows = new List<Entry>();
        foreach (var table in layout.Tables.Where(t => t.KeyPrefix != ReportKeys.Table4))
        {
            var first = rows.Count;
            foreach (var row in table.AllRows)
                rows.Add(new Entry(rows.Count, table, row, LabelText.Key(row.Label), first));
        }
        var byKey = rows.Where(r => r.Key.Length > 0).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<Entry>)[.. g]);
        foreach (var (label, alias) in Aliases)
        {
            if (byKey.TryGetValue(label, out var entries) && !byKey.ContainsKey(alias))
                byKey[alias] = entries;
        }
        ByKey = byKey.ToFrozenDictionary();
        var headers = new Dictionary<string, ReportTable?>();
        void Header(string label, ReportTable? table)
        {
            var key = LabelText.Key(label);
            if (key.Length == 0)
                return;
            headers[key] = headers.TryGetValue(key, out var known) && known != table ? null : table;
        }
        foreach (var table in layout.Tables)
        {
            foreach (var column in table.Columns.SelectMany(Flatten))
                Header(column.Label, table);
            if (table.Caption is { } caption)
                Header(caption, table);
            if (table.ColumnCaption is { } columnCaption)
                Header(columnCaption, table);
            Header(table.Corner, table);
        }
        Header(ReportTable.UnitHeader, null);
        Header("申请人情况", null);
        Header("信息内容", null);
        Header("统计指标", null);
        Header("统计数", null);
        Header("总计", null);
        Header("其他", null);
        Headers = headers.ToFrozenDictionary();
        Table2Columns = layout.Tables.Where(t => t.KeyPrefix == ReportKeys.Table2).SelectMany(t => t.Columns.SelectMany(Flatten))
            .Select(c => LabelText.Key(c.Label)).Where(k => k.Length > 0).ToFrozenSet();
    }

    /// <summary>The column labels of table 二's sections (「本年制发件数」 in 2021, 「本年新制作数量」 in 2019).</summary>
    public FrozenSet<string> Table2Columns { get; }

    public ReportLayout Layout { get; }

    public FrozenDictionary<string, IReadOnlyList<Entry>> ByKey { get; }

    public FrozenDictionary<string, ReportTable?> Headers { get; }

    /// <summary>Row labels close to <paramref name="key"/> — a typo, a dropped or swapped character (「工作人数员」).</summary>
    public IReadOnlyList<Entry> Near(string key)
    {
        if (key.Length is < 5 or > 40 || key.Any(char.IsAsciiDigit))
            return [];
        var found = new List<Entry>();
        foreach (var (label, entries) in ByKey)
        {
            if (label.Length < 5 || Math.Abs(label.Length - key.Length) > 2)
                continue;
            if (!(label.AsSpan(0, 2).SequenceEqual(key.AsSpan(0, 2)) || label.AsSpan(label.Length - 2).SequenceEqual(key.AsSpan(key.Length - 2))))
                continue;
            if (LabelText.Distance(key, label, key.Length >= 10 ? 2 : 1) <= (key.Length >= 10 ? 2 : 1))
                found.AddRange(entries);
        }
        return [.. found.OrderBy(e => e.Order)];
    }

    /// <summary>The header <paramref name="key"/> starts (a header split across lines: 「本年制发」「件数」), if any.</summary>
    public bool IsHeaderStart(string key, out ReportTable? table)
    {
        table = null;
        if (key.Length is < 4 or > 12)
            return false;
        foreach (var (header, owner) in Headers)
        {
            if (header.Length > key.Length && header.StartsWith(key, StringComparison.Ordinal))
            {
                table = owner;
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<ReportColumn> Flatten(ReportColumn column) => column.Children.SelectMany(Flatten).Prepend(column);
}
