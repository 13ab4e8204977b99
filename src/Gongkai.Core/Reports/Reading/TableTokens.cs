namespace Gongkai.Core.Reports.Reading;

/// <summary>What a table cell holds once flattened to text.</summary>
internal enum TokenKind
{
    /// <summary>Text: a row label, a column header, a caption or prose.</summary>
    Label,

    /// <summary>A figure, or 「/」「-」「—」「无」 read as 0.</summary>
    Value,

    /// <summary>An empty cell: between separators of a row, or a line holding only spaces.</summary>
    Blank,

    /// <summary>The legacy 单位 column: 条, 件, 万元 ….</summary>
    Unit,

    /// <summary>A remark in brackets on its own: 「(不同渠道和方式公开相同的信息列为1条)」.</summary>
    Remark,

    /// <summary>A row number on its own: 「(一)」「1.」, joined to the label after it.</summary>
    Numbering,
}

/// <param name="Line">The line the cell is on; cells of one delimited or space-separated row share it.</param>
/// <param name="Row">True when the line holds several cells (pipes, tabs, or numbers separated by spaces).</param>
/// <param name="Gap">Empty lines right before the token's line: in a table copied a cell a paragraph, one empty line
/// separates cells and each further one is an empty cell.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, bool Row, StatedNumber? Number = null, int Gap = 0);

/// <summary>
/// Cuts normalized text into cells: a line with pipes or tabs is a row of cells (the outer empty cells of 「| a | b |」
/// dropped, a markdown rule 「---|---」 skipped); any other line is one cell, except that numbers separated by spaces at its
/// end are cells of their own (「（一）予以公开 10 2 0 0 0 0 12」). Linear in the text.
/// </summary>
internal static class TableTokens
{
    /// <summary>Lines longer than this are prose: they are not split into trailing numbers.</summary>
    private const int MaxSplitLine = 400;

    public static List<Token> Read(string text)
    {
        var tokens = new List<Token>();
        var offset = 0;
        var line = 0;
        var gap = 0;
        while (offset <= text.Length)
        {
            var end = text.IndexOf('\n', offset);
            if (end < 0)
                end = text.Length;
            var before = tokens.Count;
            AddLine(tokens, text, offset, end, line);
            if (end == offset)
                gap++;
            else
            {
                if (tokens.Count > before)
                    tokens[before] = tokens[before] with { Gap = gap };
                gap = 0;
            }
            line++;
            offset = end + 1;
        }
        return tokens;
    }

    private static void AddLine(List<Token> tokens, string text, int start, int end, int line)
    {
        if (end == start)
            return;
        var content = text.AsSpan(start, end - start);
        if (content is " ")
        {
            tokens.Add(new Token(TokenKind.Blank, "", line, false));
            return;
        }
        if (content.IndexOfAny('|', '\t') < 0)
        {
            AddCell(tokens, text, start, end, line, row: false);
            return;
        }
        var cells = new List<(int Start, int End)>();
        var cellStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] is '|' or '\t')
            {
                cells.Add((cellStart, i));
                cellStart = i + 1;
            }
        }
        var first = 0;
        var last = cells.Count - 1;
        while (first <= last && IsEmpty(text, cells[first]))
            first++;
        while (last >= first && IsEmpty(text, cells[last]))
            last--;
        if (first > last && cells.Count == 2)
        {
            // 「|」 alone: an empty cell of a table copied a cell a line (「行政许可 |」「0 |」「|」「0 |」).
            tokens.Add(new Token(TokenKind.Blank, "", line, false));
            return;
        }
        if (first > last || cells.Skip(first).Take(last - first + 1).All(c => IsRule(text, c)))
            return;
        if (first == last)
        {
            // 「0 |」: one cell and a stray separator — a cell a line, not a row of cells.
            var (s1, e1) = Trim(text, cells[first]);
            AddCell(tokens, text, s1, e1, line, row: false);
            return;
        }
        for (var k = first; k <= last; k++)
        {
            var (s, e) = Trim(text, cells[k]);
            if (s == e)
                tokens.Add(new Token(TokenKind.Blank, "", line, true));
            else
                AddCell(tokens, text, s, e, line, row: true);
        }
    }

    private static void AddCell(List<Token> tokens, string text, int start, int end, int line, bool row)
    {
        var cell = text[start..end].Trim();
        if (cell.Length == 0)
        {
            tokens.Add(new Token(TokenKind.Blank, "", line, row));
            return;
        }
        if (Classify(cell) is { } single)
        {
            tokens.Add(single with { Line = line, Row = row });
            return;
        }
        // 「label 1 2 3」: numbers separated by spaces at the end of a cell are cells of their own.
        var values = new List<string>();
        var labelEnd = cell.Length;
        while (cell.Length <= MaxSplitLine && labelEnd > 0)
        {
            var space = cell.LastIndexOf(' ', labelEnd - 1);
            var piece = cell[(space + 1)..labelEnd];
            if (Classify(piece) is not { Kind: TokenKind.Value })
                break;
            values.Add(piece);
            labelEnd = Math.Max(space, 0);
            if (space < 0)
                break;
        }
        if (values.Count == 0)
        {
            tokens.Add(new Token(TokenKind.Label, cell, line, row));
            return;
        }
        var several = row || values.Count > 1 || labelEnd > 0;
        if (labelEnd > 0)
            tokens.Add(new Token(TokenKind.Label, cell[..labelEnd].Trim(), line, several));
        for (var k = values.Count - 1; k >= 0; k--)
            tokens.Add(Classify(values[k])!.Value with { Line = line, Row = several });
    }

    /// <summary>The kind of a whole cell, or null for text that may end in numbers.</summary>
    public static Token? Classify(string cell)
    {
        if (cell is "/" or "-" or "--" or "—" or "——" or "–" or "无" or "\\" or "/ " or "0")
            return Value(cell, new StatedNumber(0, false, 1, ""));
        if (IsUnit(cell))
            return new Token(TokenKind.Unit, cell, 0, false);
        var c0 = cell[0];
        var signs = c0 is '-' or '+' or '−' ? cell.Length - cell.TrimStart('-', '+', '−').Length : 0;
        if (char.IsAsciiDigit(c0) || (signs is 1 or 2 && cell.Length > signs && char.IsAsciiDigit(cell[signs])))
        {
            var negative = c0 is '-' or '−';   // 「-253」, and 「--253」 as a page printed a minus in 本年增/减 (e19)
            var body = cell[signs..];
            if (ChineseNumber.Parse(body) is { } n && (n.Unit.Length == 0 || IsUnit(n.Unit)) && !HasOtherText(body))
                return Value(cell, negative ? n with { Value = -n.Value } : n);
            if (IsNumbering(cell))
                return new Token(TokenKind.Numbering, cell, 0, false);
            return null;
        }
        if (cell.Length <= 8 && cell.All(c => "零〇一二三四五六七八九十百千万两".Contains(c)) && ChineseNumber.Parse(cell) is { } numeral)
            return Value(cell, numeral);   // 「三」「十二」「一百零五」 written in a cell
        if (c0 == '(' && cell[^1] == ')' && cell.IndexOf(')') == cell.Length - 1)
            return new Token(IsNumbering(cell) ? TokenKind.Numbering : TokenKind.Remark, cell, 0, false);
        if (IsNumbering(cell))
            return new Token(TokenKind.Numbering, cell, 0, false);
        return null;
    }

    private static Token Value(string cell, StatedNumber number) => new(TokenKind.Value, cell, 0, false, number);

    /// <summary>Only digits, separators, a multiplier, approximate markers and a unit — no words such as 「年」.</summary>
    private static bool HasOtherText(string body) => body.Any(c => !char.IsAsciiDigit(c) && ",.万亿余多左右上下以人次条件个名篇项份场期例宗起封元家处所".IndexOf(c) < 0);

    private static bool IsUnit(string cell) =>
        cell is "条" or "件" or "次" or "个" or "人" or "人次" or "篇" or "项" or "份" or "场" or "万元" or "元" or "家" or "名" or "件次" or "期";

    /// <summary>「(一)」「一、」「1.」「1、」「(1)」 alone.</summary>
    public static bool IsNumbering(string cell) => LabelText.NumberingLength(cell) == cell.Length;

    private static bool IsEmpty(string text, (int Start, int End) cell) => string.IsNullOrWhiteSpace(text[cell.Start..cell.End]);

    private static bool IsRule(string text, (int Start, int End) cell)
    {
        var s = text[cell.Start..cell.End].Trim();
        return s.Length >= 3 && s.All(c => c is '-' or ':' or '=' or '+');
    }

    private static (int, int) Trim(string text, (int Start, int End) cell)
    {
        var (s, e) = cell;
        while (s < e && char.IsWhiteSpace(text[s]))
            s++;
        while (e > s && char.IsWhiteSpace(text[e - 1]))
            e--;
        return (s, e);
    }
}
