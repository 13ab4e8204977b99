namespace Gongkai.Core.Reports;

/// <summary>
/// A column header of a national table. Leaves hold figures; a group spans its children, as 法人或其他组织 spans
/// 商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他 in table 三.
/// </summary>
/// <param name="Key">The column's full key, the last part of a cell key (<see cref="ReportKeys"/>).</param>
/// <param name="Label">The header exactly as printed in the national form.</param>
public sealed record ReportColumn(string Key, string Label, IReadOnlyList<ReportColumn> Children)
{
    public ReportColumn(string key, string label) : this(key, label, []) { }

    public bool IsLeaf => Children.Count == 0;

    /// <summary>How many header rows this column takes: 1 for a leaf, one more per level of groups above leaves.</summary>
    public int Depth => IsLeaf ? 1 : 1 + Children.Max(c => c.Depth);

    /// <summary>This column if it is a leaf, else its leaves left to right.</summary>
    public IEnumerable<ReportColumn> Leaves() => IsLeaf ? [this] : Children.SelectMany(c => c.Leaves());
}

/// <summary>
/// A row of a national table. A heading row (三、本年度办理结果; （三）不予公开 in table 三) has no cells of its own: its
/// label spans its sub-rows. A row may have both cells and sub-rows (legacy 四、行政复议数量 and its （一）–（三）).
/// </summary>
/// <param name="Key">The row's full key, the middle part of a cell key (<see cref="ReportKeys"/>).</param>
/// <param name="Label">The label exactly as printed, with its numbering (「（一）」「1.」「1、」).</param>
/// <param name="Unit">The legacy 统计表's 单位 column (条, 件, 万元 …); null in the 2019/2021 tables.</param>
public sealed record ReportRow(string Key, string Label, IReadOnlyList<ReportRow> Children, bool HasCells, string? Unit = null)
{
    public static ReportRow Cells(string key, string label, string? unit = null) => new(key, label, [], true, unit);

    public static ReportRow Heading(string key, string label, params IReadOnlyList<ReportRow> children) => new(key, label, children, false);

    /// <summary>How many label columns this row and its sub-rows take: 1 without sub-rows, one more per level.</summary>
    public int Depth => Children.Count == 0 ? 1 : 1 + Children.Max(c => c.Depth);

    /// <summary>This row followed by its sub-rows, depth first, in printed order.</summary>
    public IEnumerable<ReportRow> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>One printed table (or, for table 二, one of its parts 第二十条第（一）项 …).</summary>
/// <param name="Id">Unique within a layout: <c>t2.item1</c>, <c>t3</c>, <c>t4</c>, <c>legacy</c>.</param>
/// <param name="KeyPrefix">The first part of the cell keys: <c>t2</c>, <c>t3</c>, <c>t4</c>, <c>legacy</c>.</param>
/// <param name="Name">How a message names the table: 表二, 表三, 表四, 统计表.</param>
/// <param name="Section">The report section the table belongs to, e.g. 三、收到和处理政府信息公开申请情况.</param>
/// <param name="Caption">A caption above the table, e.g. 第二十条第（一）项; null when there is none.</param>
/// <param name="Corner">The top-left header cell above the row labels, e.g. 信息内容 or 统计指标.</param>
public sealed record ReportTable(
    string Id, string KeyPrefix, string Name, string Section, string? Caption, string Corner,
    IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>A header spanning all value columns (table 三: 申请人情况); null when there is none.</summary>
    public string? ColumnCaption { get; init; }

    /// <summary>The header of the legacy 单位 column, printed between the labels and the values when rows have units.</summary>
    public const string UnitHeader = "单位";

    public IEnumerable<ReportColumn> LeafColumns => Columns.SelectMany(c => c.Leaves());

    public IEnumerable<ReportRow> AllRows => Rows.SelectMany(r => r.SelfAndDescendants());

    /// <summary><see cref="AllRows"/> in the same order, each with how deep it is nested (0 for a top row).</summary>
    public IEnumerable<(ReportRow Row, int Depth)> AllRowsWithDepth => Nested(Rows, 0);

    private static IEnumerable<(ReportRow Row, int Depth)> Nested(IEnumerable<ReportRow> rows, int depth) =>
        rows.SelectMany(r => Nested(r.Children, depth + 1).Prepend((r, depth)));

    /// <summary>Every cell, row by row in printed order, left to right.</summary>
    public IEnumerable<ReportCell> Cells =>
        from row in AllRows
        where row.HasCells
        from column in LeafColumns
        select new ReportCell(ReportKeys.Cell(KeyPrefix, row.Key, column.Key), this, row, column);

    public ReportRow Row(string key) => AllRows.Single(r => r.Key == key);
}

/// <summary>One cell of a table: the meeting of a row with cells and a leaf column.</summary>
public sealed record ReportCell(string Key, ReportTable Table, ReportRow Row, ReportColumn Column);

/// <summary>The tables of one form, in printed order, and the cells they define.</summary>
public sealed class ReportLayout
{
    private readonly Dictionary<string, ReportCell> cells;

    public ReportLayout(ReportForm form, IReadOnlyList<ReportTable> tables)
    {
        Form = form;
        Tables = tables;
        cells = tables.SelectMany(t => t.Cells).ToDictionary(c => c.Key);
    }

    public ReportForm Form { get; }

    public IReadOnlyList<ReportTable> Tables { get; }

    public IEnumerable<ReportCell> Cells => cells.Values;

    public ReportCell? Cell(string key) => cells.GetValueOrDefault(key);

    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);

    /// <summary>
    /// How a message names a cell: 「表三「（三）不予公开 4.保护第三方合法权益」「自然人」」, with the row's nearest heading and
    /// the column's groups; keys that are not cells (summary keys) are returned as they are.
    /// </summary>
    public string Describe(string key)
    {
        if (Cell(key) is not { } cell)
            return key;
        var rowPath = string.Join(" ", Path(cell.Table.Rows, cell.Row, r => r.Children).TakeLast(2).Select(r => r.Label)).Trim();
        var text = rowPath.Length == 0 ? cell.Table.Name : $"{cell.Table.Name}「{rowPath}」";
        if (cell.Column.Key.Length == 0)
            return text;
        var columnPath = Path(cell.Table.Columns, cell.Column, c => c.Children).Select(c => c.Label);
        return $"{text}「{string.Join(" ", columnPath)}」";
    }

    private static List<T> Path<T>(IEnumerable<T> roots, T target, Func<T, IEnumerable<T>> children) where T : class
    {
        foreach (var node in roots)
        {
            if (ReferenceEquals(node, target))
                return [node];
            var below = Path(children(node), target, children);
            if (below.Count > 0)
                return below.Prepend(node).ToList();
        }
        return [];
    }
}
