using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>A header cell as printed: its text, its spans, and the id the data cells point to (WCAG H43).</summary>
public sealed record GridHeader(string Id, string Text, int RowSpan, int ColSpan, string Scope);

/// <summary>A printed body row: the row-header cells that start on it, then one value cell per leaf column.</summary>
/// <param name="HeaderIds">The ids of every row header this row's cells sit under, outermost first.</param>
/// <param name="Depth">Only for a one-label-column table (the legacy 统计表): how far the label is indented.</param>
public sealed record GridRow(ReportRow Row, IReadOnlyList<GridHeader> Labels, IReadOnlyList<string> HeaderIds, int Depth);

/// <summary>
/// A national table laid out as the printed form (the portal page, the HTML and the DOCX exports): column groups over their columns (申请人情况 over 法人或其他组织 over
/// 商业企业 …), and row headings in as many label columns as the rows nest — 三、本年度办理结果 spans all its sub-rows in
/// the first column, （三）不予公开 its own in the second, 1.属于国家秘密 sits in the third; a row without sub-rows spans
/// the label columns left over. The legacy 统计表 prints every row in one label column, indented, with its 单位 column.
/// </summary>
public sealed class ReportGrid
{
    public ReportGrid(ReportTable table)
    {
        Table = table;
        Flat = table.AllRows.Any(r => r.Unit is not null);
        LabelColumns = Flat ? 1
            : table.Corner.Length == 0 && table.AllRows.All(r => r.Label.Length == 0) ? 0
            : table.Rows.Max(r => r.Depth);
        Leaves = [.. table.LeafColumns];
        HeaderRows = BuildHeaderRows();
        Body = Flat ? [.. table.AllRowsWithDepth.Select(r => FlatRow(r.Row, r.Depth))] : BuildBody();
    }

    public ReportTable Table { get; }

    /// <summary>One label column with indentation and a 单位 column (legacy 统计表).</summary>
    public bool Flat { get; }

    /// <summary>How many columns the row labels take: 3 in table 三, 1 in table 二, 0 in table 四.</summary>
    public int LabelColumns { get; }

    public IReadOnlyList<ReportColumn> Leaves { get; }

    /// <summary>Columns at most that fit across a portrait page; a wider table (表三, 表四) is printed on a landscape one.</summary>
    public const int WideColumns = 6;

    public bool Wide => LabelColumns + (Flat ? 1 : 0) + Leaves.Count > WideColumns;

    /// <summary>The header rows, top down; the corner is not in them (see <see cref="CornerRowSpan"/>).</summary>
    public IReadOnlyList<IReadOnlyList<GridHeader>> HeaderRows { get; }

    public IReadOnlyList<GridRow> Body { get; }

    public int CornerRowSpan => HeaderRows.Count;

    /// <summary>The ids of the column headers above a leaf column, outermost first.</summary>
    public IReadOnlyList<string> ColumnHeaderIds(ReportColumn leaf) => columnIds[leaf.Key];

    public string Id(string kind, string key) => $"{Table.Id.Replace('.', '-')}-{kind}-{(key.Length == 0 ? "_" : key.Replace('.', '-'))}";

    private readonly Dictionary<string, IReadOnlyList<string>> columnIds = [];

    private static int LeafRows(ReportRow row) => row.Children.Count == 0 ? 1 : row.Children.Sum(LeafRows) + (row.HasCells ? 1 : 0);

    private List<IReadOnlyList<GridHeader>> BuildHeaderRows()
    {
        var levels = Table.Columns.Max(c => c.Depth);
        var rows = new List<List<GridHeader>>();
        var top = new List<string>();
        if (Table.ColumnCaption is { } caption)
        {
            rows.Add([new GridHeader(Id("cg", "caption"), caption, 1, Leaves.Count, "col")]);
            top.Add(rows[0][0].Id);
        }
        var offset = rows.Count;
        for (var i = 0; i < levels; i++)
            rows.Add([]);
        void Add(ReportColumn column, int level, List<string> above)
        {
            var id = Id("c", column.Key);
            rows[offset + level].Add(column.IsLeaf
                ? new GridHeader(id, column.Label, levels - level, 1, "col")
                : new GridHeader(id, column.Label, 1, column.Leaves().Count(), "col"));
            List<string> path = [.. above, id];
            if (column.IsLeaf)
                columnIds[column.Key] = path;
            foreach (var child in column.Children)
                Add(child, level + 1, path);
        }
        foreach (var column in Table.Columns)
            Add(column, 0, top);
        return [.. rows];
    }

    private List<GridRow> BuildBody()
    {
        var body = new List<GridRow>();
        var pending = new List<GridHeader>();
        void Walk(IEnumerable<ReportRow> rows, int depth, List<string> above)
        {
            foreach (var row in rows)
            {
                var id = Id("r", row.Key);
                if (LabelColumns == 0)
                {
                    body.Add(new GridRow(row, [], [], 0));
                    continue;
                }
                if (row.Children.Count == 0)
                {
                    body.Add(new GridRow(row, [.. pending, new GridHeader(id, row.Label, 1, LabelColumns - depth, "row")], [.. above, id], 0));
                    pending.Clear();
                    continue;
                }
                pending.Add(new GridHeader(id, row.Label, LeafRows(row), 1, "row"));
                Walk(row.Children, depth + 1, [.. above, id]);
            }
        }
        Walk(Table.Rows, 0, []);
        return body;
    }

    private GridRow FlatRow(ReportRow row, int depth)
    {
        var id = Id("r", row.Key);
        return new GridRow(row, [new GridHeader(id, row.Label, 1, 1, "row")], [id], depth);
    }
}
