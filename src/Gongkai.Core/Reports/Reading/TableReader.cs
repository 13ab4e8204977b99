namespace Gongkai.Core.Reports.Reading;

/// <summary>A figure read from the text and the text it was read from.</summary>
/// <param name="Written">The number as the report writes it (「97.8万条」「1,234」「/」), to show as written; <see cref="Number"/> is what the checks use.</param>
public sealed record ReadFigure(string Key, StatedNumber Number, string Quote, string Written);

/// <summary>
/// Reads the cells of one form's tables from cells of text (<see cref="TableTokens"/>). A label that matches a row of
/// the layout takes the figures that follow it: on its own line when the row is delimited, else on the next row of
/// numbers, else one per line. Labels are matched in printed order, so the legacy table's two 「（三）其他情形数」 rows
/// and table 三's 「3.其他」 find their own row; a short label (「规章」「其他」「总计」) matches only next to its
/// table's header or its neighbouring rows. Table 四 has no row label: its 15 figures follow its header.
/// </summary>
internal sealed class TableReader
{
    /// <summary>Figures this large are not statistics of a report; reading them would only break the sums.</summary>
    public const decimal MaxValue = 1e15m;

    private readonly LayoutIndex index;
    private readonly List<Token> tokens;
    private readonly Dictionary<string, ReadFigure> cells = new(StringComparer.Ordinal);
    private readonly HashSet<LayoutIndex.Entry> filledRows = [];
    private readonly Dictionary<string, IReadOnlyList<LayoutIndex.Entry>> near = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];
    private int lastOrder = -1;
    private ReportTable? context;
    private int lastHeader = -100;
    private bool applicantColumns;
    private int table4Header = -1;

    /// <summary>The other national form: some units print a section of table 二 with its columns (「本年新制作数量」 in a 2021 report).</summary>
    private readonly LayoutIndex? other;

    /// <summary>True after a header only the other form's table 二 has, until one only this form's has.</summary>
    private bool otherTable2;

    private TableReader(ReportForm form, List<Token> tokens)
    {
        index = LayoutIndex.For(form);
        other = form switch
        {
            ReportForm.Form2021 => LayoutIndex.For(ReportForm.Form2019),
            ReportForm.Form2019 => LayoutIndex.For(ReportForm.Form2021),
            _ => null,
        };
        this.tokens = tokens;
    }

    public static (IReadOnlyDictionary<string, ReadFigure> Cells, IReadOnlyList<string> Notes) Read(ReportForm form, List<Token> tokens)
    {
        var reader = new TableReader(form, tokens);
        reader.Run();
        return (reader.cells, reader.notes);
    }

    private void Run()
    {
        string? numbering = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Numbering:
                    numbering = token.Text;
                    continue;
                case TokenKind.Label:
                    var label = numbering is null ? token.Text : numbering + token.Text;
                    numbering = null;
                    i = OnLabel(i, label);
                    continue;
                case TokenKind.Value when table4Header >= 0 && i - table4Header <= 60 && index.Layout.Form.IsNational():
                    i = ReadTable4(i);
                    continue;
                default:
                    continue;
            }
        }
    }

    private int OnLabel(int i, string label)
    {
        if (label.Length > LabelText.MaxLabel)
            return i;
        var key = LabelText.Key(label);
        if (key.Length == 0)
            return i;
        if (Match(key, i) is { } entry)
        {
            lastOrder = entry.Order;
            context = entry.Table;
            if (entry.Row.HasCells && filledRows.Contains(entry))
                return Slots(i + 1, entry.Table.LeafColumns.Count()).LastOrDefault(i);
            if (entry.Row.HasCells)
                return Take(i, entry, label);
            return i;
        }
        if (other is not null && IsTable2Header(other, key) != IsTable2Header(index, key))
            otherTable2 = IsTable2Header(other, key);
        if (index.Layout.Form.IsNational() && key.Length <= 30 && !key.Contains('。') && LayoutIndex.Table4Headers.Any(h => key.Contains(h, StringComparison.Ordinal)))
            table4Header = i;   // 「行政复议 行政诉讼」: table 四's headers on one line, as PDF text has them
        if (index.Headers.TryGetValue(key, out var table) || index.IsHeaderStart(key, out table))
        {
            lastHeader = i;
            if (table is not null)
                context = table;
            applicantColumns |= LayoutIndex.ApplicantHeaders.Contains(key);
            if (LayoutIndex.Table4Headers.Contains(key) || (table4Header >= 0 && i - table4Header < 40))
                table4Header = i;
        }
        return i;
    }

    private static bool IsTable2Header(LayoutIndex layout, string key) => layout.Table2Columns.Contains(key);

    private LayoutIndex.Entry? Match(string key, int i)
    {
        if (otherTable2 && other!.ByKey.TryGetValue(key, out var alternative) && alternative.All(e => e.Table.KeyPrefix == ReportKeys.Table2))
            return alternative.FirstOrDefault(e => e.Row.HasCells && !filledRows.Contains(e)) ?? alternative[0];
        if (!index.ByKey.TryGetValue(key, out var candidates))
        {
            if (!near.TryGetValue(key, out candidates))
                near[key] = candidates = index.Near(key);
        }
        if (candidates.Count == 0)
            return null;
        // In printed order: the first row of that label after the last row matched; going back (a row printed out of
        // order), the first one not yet filled; a table printed twice matches its rows again but keeps the first figures.
        var entry = candidates.FirstOrDefault(c => c.Order > lastOrder)
            ?? candidates.FirstOrDefault(c => c.Row.HasCells && !filledRows.Contains(c))
            ?? candidates[0];
        if (key.Length > 3)
            return entry;
        var nextToRows = entry.Table == context && entry.Order > lastOrder && entry.Order - lastOrder <= 6;
        var underHeader = entry.Order == entry.First && (entry.Table == context || i - lastHeader <= 12);
        return nextToRows || underHeader ? entry : null;
    }

    /// <summary>Fills the row's cells from the figures after its label; returns the last token used.</summary>
    private int Take(int i, LayoutIndex.Entry entry, string label)
    {
        var leaves = entry.Table.LeafColumns.ToList();
        var slots = Slots(i + 1, leaves.Count);
        var labelToken = tokens[i];
        List<int> use;
        var positional = true;
        var sameLine = slots.Where(s => labelToken.Row && tokens[s].Line == labelToken.Line).ToList();
        if (sameLine.Any(s => tokens[s].Kind == TokenKind.Value))
            use = sameLine;
        else if (slots.FirstOrDefault(s => tokens[s].Kind == TokenKind.Value, -1) is var firstValue && firstValue >= 0 && tokens[firstValue].Row)
            use = [.. slots.Where(s => tokens[s].Line == tokens[firstValue].Line)];
        else
        {
            use = [.. slots.TakeWhile(s => !tokens[s].Row)];
            positional = false;
        }
        if (use.Count == 0)
            return i;
        var values = use.Where(s => tokens[s].Kind == TokenKind.Value).ToList();
        if (values.Count == 0)
            return use[^1];
        if (!positional && values.Count < leaves.Count && values.All(s => tokens[s].Gap >= 1) && values.Any(s => tokens[s].Gap >= 2))
            return TakeSpaced(entry, label, leaves, values);
        var name = $"{entry.Table.Name}「{entry.Row.Label}」";
        List<int?> placed;
        if (leaves.Count == 1)
            placed = [values[0]];
        else if (values.Count == 1 && entry.Table.KeyPrefix == ReportKeys.Table3 && !applicantColumns)
            placed = [.. Enumerable.Repeat<int?>(null, leaves.Count - 1), values[0]];
        else if (positional)
            placed = [.. Trimmed(use).Take(leaves.Count).Select(s => tokens[s].Kind == TokenKind.Value ? s : (int?)null)];
        else if (use.Count == leaves.Count)
            placed = [.. use.Select(s => tokens[s].Kind == TokenKind.Value ? s : (int?)null)];
        else if (Trimmed(use) is var trimmed && trimmed.Count == leaves.Count)
            placed = [.. trimmed.Select(s => tokens[s].Kind == TokenKind.Value ? s : (int?)null)];
        else if (use.Count > leaves.Count && use.Take(leaves.Count).Count(s => tokens[s].Kind == TokenKind.Value) == values.Count && tokens[use[leaves.Count]].Kind == TokenKind.Blank)
            placed = [.. use.Take(leaves.Count).Select(s => tokens[s].Kind == TokenKind.Value ? s : (int?)null)];   // trailing empty cells, then the row's end
        else if (values.Count < leaves.Count && values.Count == use.Count && EndsText(use[^1]))
            placed = [.. use.Select(s => (int?)s)];   // the text stops inside the row: its first cells, left to right
        else if (values.Count >= leaves.Count)
        {
            if (values.Count > leaves.Count)
                notes.Add($"{name}后有{values.Count}个数，按顺序取前{leaves.Count}个。");
            placed = [.. values.Take(leaves.Count).Select(s => (int?)s)];
        }
        else
        {
            notes.Add($"{name}只读到{values.Count}个数（应有{leaves.Count}个），无法判断所在列，未读取。");
            return values[^1];
        }
        Fill(entry, label, name, leaves, placed);
        return placed.LastOrDefault(p => p is not null) ?? i;
    }

    /// <summary>The row's cells from the tokens placed under its columns (null: an empty cell); the row counts as filled.</summary>
    private void Fill(LayoutIndex.Entry entry, string label, string name, List<ReportColumn> leaves, List<int?> placed)
    {
        filledRows.Add(entry);
        for (var k = 0; k < placed.Count && k < leaves.Count; k++)
        {
            if (placed[k] is { } s)
                Put(ReportKeys.Cell(entry.Table.KeyPrefix, entry.Row.Key, leaves[k].Key), tokens[s], label, name);
        }
    }

    /// <summary>
    /// A row copied a cell a paragraph: one empty line between cells, each further empty line an empty cell
    /// (「103」「」「3」「」「」「」「1」「」「」「107」 is 103, 3, –, –, 1, –, 107). Read only when the gaps account for every column.
    /// </summary>
    private int TakeSpaced(LayoutIndex.Entry entry, string label, List<ReportColumn> leaves, List<int> values)
    {
        var placed = new List<int?>();
        foreach (var s in values)
        {
            placed.AddRange(Enumerable.Repeat<int?>(null, tokens[s].Gap - 1));
            placed.Add(s);
        }
        var name = $"{entry.Table.Name}「{entry.Row.Label}」";
        if (placed.Count != leaves.Count)
        {
            notes.Add($"{name}只读到{values.Count}个数（应有{leaves.Count}个），按空行也无法判断所在列，未读取。");
            return values[^1];
        }
        Fill(entry, label, name, leaves, placed);
        return values[^1];
    }

    /// <summary>Nothing but empty cells after token <paramref name="at"/>: a text cut off inside a table stops there.</summary>
    private bool EndsText(int at)
    {
        for (var j = at + 1; j < tokens.Count; j++)
        {
            if (tokens[j].Kind != TokenKind.Blank)
                return false;
        }
        return true;
    }

    /// <summary>Values and blanks after <paramref name="start"/>, up to the next label.</summary>
    private List<int> Slots(int start, int columns)
    {
        var slots = new List<int>();
        var limit = Math.Min(tokens.Count, start + 4 * columns + 24);
        for (var j = start; j < limit; j++)
        {
            var kind = tokens[j].Kind;
            if (kind is TokenKind.Label or TokenKind.Numbering)
                break;
            if (kind is TokenKind.Value or TokenKind.Blank)
                slots.Add(j);
        }
        return slots;
    }

    private List<int> Trimmed(List<int> use)
    {
        var first = use.FindIndex(s => tokens[s].Kind == TokenKind.Value);
        var last = use.FindLastIndex(s => tokens[s].Kind == TokenKind.Value);
        // Blanks before the first figure of a one-per-line row are spacing, unless the row is delimited.
        if (first > 0 && !tokens[use[0]].Row)
            return use[first..(last + 1)];
        return use[..(last + 1)];
    }

    private int ReadTable4(int i)
    {
        var table = index.Layout.Table(ReportKeys.Table4);
        var leaves = table.LeafColumns.ToList();
        // The figures' row: from the start of the delimited line the first figure is on, else from that figure.
        var start = i;
        while (tokens[i].Row && start > 0 && tokens[start - 1].Line == tokens[i].Line && tokens[start - 1].Kind == TokenKind.Blank)
            start--;
        var slots = Slots(start, leaves.Count);
        table4Header = -1;
        var use = Trimmed(slots.Where(s => tokens[s].Kind != TokenKind.Blank || tokens[s].Row).ToList());
        var values = use.Where(s => tokens[s].Kind == TokenKind.Value).ToList();
        List<int?> placed;
        if (use.Count == leaves.Count)
            placed = [.. use.Select(s => tokens[s].Kind == TokenKind.Value ? s : (int?)null)];
        else if (values.Count == leaves.Count)
            placed = [.. values.Select(s => (int?)s)];
        else
        {
            notes.Add($"表四读到{values.Count}个数（应有{leaves.Count}个），无法判断所在列，未读取。");
            return values.Count > 0 ? Math.Max(i, values[^1]) : i;
        }
        for (var k = 0; k < leaves.Count; k++)
        {
            if (placed[k] is { } s)
                Put(ReportKeys.Cell(table.KeyPrefix, "", leaves[k].Key), tokens[s], leaves[k].Label, "表四");
        }
        return Math.Max(i, placed.Last(p => p is not null)!.Value);
    }

    private void Put(string key, Token token, string label, string name)
    {
        if (token.Number is not { } number || cells.ContainsKey(key))
            return;
        if (Math.Abs(number.Value) >= MaxValue)
        {
            notes.Add($"{name}的「{token.Text}」数值过大，未读取。");
            return;
        }
        var quote = $"{label.Trim()} … {token.Text}";
        cells[key] = new ReadFigure(key, number, quote.Length > 120 ? quote[..120] : quote, token.Text);
    }
}
