using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Catalog;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.App.Catalog;

/// <summary>An attachment whose content cannot be read (damaged, encrypted, or not what its kind says); the message is Chinese, to show as is.</summary>
public sealed class AttachmentUnreadableException(string reason, Exception? inner = null)
    : Exception($"无法读取附件内容：{reason}", inner);

/// <summary>
/// The plain text of an attachment, for the personal-data screen before publication: a PDF's text page by page; a Word
/// document's body, headers, footers, footnotes, endnotes and comments, tracked deletions included (they travel with the
/// file); every sheet of a workbook (its name on a line, then cell values separated by tabs, rows by newlines, numbers
/// and dates as shown). Images have no text: "". At most <see cref="MaxCharacters"/> characters; reading stops there.
/// </summary>
public static class AttachmentText
{
    public const int MaxCharacters = 2_000_000;

    // Bounds for hostile packages: XML characters read from one part, and the declared unpacked size of the zip.
    private const long MaxXmlCharacters = 100_000_000;
    private const long MaxUnpackedBytes = 512L * 1024 * 1024;
    private const int MaxZipEntries = 10_000;

    private static OpenSettings Settings => new() { MaxCharactersInPart = MaxXmlCharacters };
    private static OpenXmlPartReaderOptions ReaderOptions => new() { MaxCharactersInPart = MaxXmlCharacters };

    /// <summary>Reads <paramref name="content"/> from its current position to the end; it stays open.</summary>
    /// <exception cref="AttachmentUnreadableException">The content cannot be read as <paramref name="kind"/>.</exception>
    public static string Extract(AttachmentKind kind, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Enum.IsDefined(kind) || kind is AttachmentKind.Doc or AttachmentKind.Xls or AttachmentKind.Ofd or AttachmentKind.Zip)
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only PDF, Word (.docx), Excel (.xlsx) and images are read.");
        if (kind.IsImage())
            return "";
        var text = new TextSink(MaxCharacters);
        try
        {
            using var copy = content.CanSeek && content.Position == 0 ? null : new MemoryStream();
            if (copy is not null)
            {
                content.CopyTo(copy);
                copy.Position = 0;
            }
            var stream = copy ?? content;
            if (kind == AttachmentKind.Pdf)
                ReadPdf(stream, text);
            else if (kind == AttachmentKind.Docx)
                ReadDocx(stream, text);
            else
                ReadXlsx(stream, text);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new AttachmentUnreadableException("PDF 文档已加密，请上传未加密的版本。", e);
        }
        catch (Exception e) when (e is not AttachmentUnreadableException and not OutOfMemoryException)
        {
            throw new AttachmentUnreadableException($"文件已损坏，或不是有效的 {kind.ChineseName()}。", e);
        }
        return text.ToString();
    }

    private static void ReadPdf(Stream pdf, TextSink text)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        for (var n = 1; n <= document.NumberOfPages && !text.Full; n++)
        {
            text.Append(ContentOrderTextExtractor.GetText(document.GetPage(n)));
            text.Separate('\n');
        }
    }

    /// <summary>A zip bomb is refused by its declared sizes before any part is opened.</summary>
    private static void CheckPackage(Stream stream)
    {
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                throw new AttachmentUnreadableException("文件解压后过大。");
        }
        stream.Position = 0;
    }

    private static void ReadDocx(Stream docx, TextSink text)
    {
        CheckPackage(docx);
        using var document = WordprocessingDocument.Open(docx, isEditable: false, Settings);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("No main document part.");
        OpenXmlPart?[] parts = [main, .. main.HeaderParts, .. main.FooterParts, main.FootnotesPart, main.EndnotesPart, main.WordprocessingCommentsPart];
        foreach (var part in parts.OfType<OpenXmlPart>())
        {
            if (text.Full)
                return;
            ReadWordPart(part, text);
            text.Separate('\n');
        }
    }

    /// <summary>Streams the part: a paragraph ends a line, except inside a table where cells are separated by tabs and rows by newlines.</summary>
    private static void ReadWordPart(OpenXmlPart part, TextSink text)
    {
        using var reader = new OpenXmlPartReader(part, ReaderOptions);
        var cells = 0;
        while (!text.Full && reader.Read())
        {
            var type = reader.ElementType;
            if (reader.IsStartElement)
            {
                if (type == typeof(W.Text) || type == typeof(W.DeletedText))
                    text.Append(reader.GetText());
                else if (type == typeof(W.TabChar) || type == typeof(W.PositionalTab))
                    text.Separate('\t');
                else if (type == typeof(W.Break) || type == typeof(W.CarriageReturn))
                    text.Separate('\n');
                else if (type == typeof(W.NoBreakHyphen))
                    text.Append("-");
                else if (type == typeof(W.TableCell))
                    cells++;
            }
            else if (reader.IsEndElement)
            {
                if (type == typeof(W.Paragraph))
                    text.Separate(cells > 0 ? ' ' : '\n');
                else if (type == typeof(W.TableCell))
                {
                    cells--;
                    text.Separate('\t');
                }
                else if (type == typeof(W.TableRow))
                    text.Separate('\n');
            }
        }
    }

    private static void ReadXlsx(Stream xlsx, TextSink text)
    {
        CheckPackage(xlsx);
        using var document = SpreadsheetDocument.Open(xlsx, isEditable: false, Settings);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var strings = SharedStrings(workbook.SharedStringTablePart);
        var styles = CellStyles.Read(workbook.WorkbookStylesPart);
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<S.Sheet>() ?? [])
        {
            if (text.Full)
                return;
            if (sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                continue; // a chart sheet has no cells
            text.Separate('\n');
            text.Append(sheet.Name?.Value);
            using var reader = new OpenXmlPartReader(worksheet, ReaderOptions);
            while (!text.Full && reader.Read())
            {
                if (reader.IsStartElement && reader.ElementType == typeof(S.Row))
                    ReadRow((S.Row)reader.LoadCurrentElement()!, strings, styles, text);
            }
        }
    }

    private static void ReadRow(S.Row row, List<string> strings, CellStyles styles, TextSink text)
    {
        text.Separate('\n');
        var written = 0; // the last column written on this line, 1-based
        foreach (var cell in row.Elements<S.Cell>())
        {
            var column = Column(cell.CellReference?.Value) ?? written + 1;
            var value = CellText(cell, strings, styles);
            if (value.Length == 0)
                continue;
            var tabs = written == 0 ? column - 1 : Math.Max(1, column - written);
            text.Append(tabs == 0 ? value : new string('\t', tabs) + value);
            written = Math.Max(written, column);
        }
    }

    private static string CellText(S.Cell cell, List<string> strings, CellStyles styles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        string value;
        if (type == S.CellValues.SharedString)
            value = int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "";
        else if (type == S.CellValues.InlineString)
            value = cell.InlineString is { } inline ? Rich(inline) : raw;
        else if (type == S.CellValues.Boolean)
            value = raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw;
        else if (type is null || type == S.CellValues.Number)
            value = styles.Show(raw, cell.StyleIndex?.Value ?? 0);
        else
            value = raw; // a formula's string result, an error such as #DIV/0!, an ISO date
        return value.Contains('\t') || value.Contains('\n') || value.Contains('\r')
            ? value.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ')
            : value;
    }

    /// <summary>The 1-based column of a reference such as AB12; null when it is not one.</summary>
    private static int? Column(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (!char.IsAsciiLetterUpper(c))
                break;
            column = column * 26 + (c - 'A' + 1);
            if (column > 16384) // XFD, Excel's last column
                return null;
        }
        return column == 0 ? null : column;
    }

    /// <summary>
    /// The shared string table, streamed. It keeps about <see cref="MaxCharacters"/> characters of strings; a
    /// workbook with more (far more than any extract can show) reads the later ones as empty.
    /// </summary>
    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;
        var budget = MaxCharacters;
        using var reader = new OpenXmlPartReader(part, ReaderOptions);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(S.SharedStringItem))
                continue;
            var value = Rich((S.SharedStringItem)reader.LoadCurrentElement()!);
            value = value.Length <= budget ? value : value[..budget];
            budget -= value.Length;
            strings.Add(value);
        }
        return strings;
    }

    /// <summary>A shared or inline string: its text, or its runs of formatted text (phonetic guides left out).</summary>
    private static string Rich(S.RstType item) =>
        item.Text?.Text ?? string.Concat(item.Elements<S.Run>().Select(r => r.Text?.Text));

    private enum Shown { General, Date, Percent }

    /// <summary>
    /// How each cell style shows a number: as a date (built-in or custom date formats), a percentage, or as Excel's General
    /// format does (15 significant digits). Digits stay ungrouped so that the screen sees them whole.
    /// </summary>
    private sealed class CellStyles(Shown[] styles)
    {
        public static CellStyles Read(WorkbookStylesPart? part)
        {
            var stylesheet = part?.Stylesheet;
            var custom = new Dictionary<uint, string>();
            foreach (var format in stylesheet?.NumberingFormats?.Elements<S.NumberingFormat>() ?? [])
            {
                if (format.NumberFormatId?.Value is { } id)
                    custom.TryAdd(id, format.FormatCode?.Value ?? "");
            }
            var styles = stylesheet?.CellFormats?.Elements<S.CellFormat>()
                .Select(f => f.NumberFormatId?.Value is { } id && custom.TryGetValue(id, out var code) ? Classify(code) : BuiltIn(f.NumberFormatId?.Value ?? 0))
                .ToArray();
            return new(styles ?? []);
        }

        public string Show(string raw, uint style)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return raw;
            var shown = style < styles.Length ? styles[style] : Shown.General;
            if (shown == Shown.Date && number is >= 0 and < 2958466)
            {
                var date = DateTime.FromOADate(number);
                var format = number < 1 ? "HH:mm:ss" : date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
                return date.ToString(format, CultureInfo.InvariantCulture);
            }
            if (shown == Shown.Percent)
                return (number * 100).ToString("G15", CultureInfo.InvariantCulture) + "%";
            return number.ToString("G15", CultureInfo.InvariantCulture);
        }

        /// <summary>ECMA-376 §18.8.30: 9–10 percentages, 14–22 and 45–47 dates and times; 27–36 and 50–58 the East Asian dates.</summary>
        private static Shown BuiltIn(uint id) => id switch
        {
            9 or 10 => Shown.Percent,
            (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) => Shown.Date,
            _ => Shown.General,
        };

        /// <summary>A custom format code by its first section, without quoted text, escapes and tags other than elapsed time ([h]).</summary>
        private static Shown Classify(string code)
        {
            var plain = new StringBuilder();
            for (var i = 0; i < code.Length; i++)
            {
                var c = code[i];
                if (c == ';')
                    break;
                if (c is '\\' or '_' or '*')
                    i++;
                else if (c is '"' or '[')
                {
                    var end = code.IndexOf(c == '"' ? '"' : ']', i + 1);
                    end = end < 0 ? code.Length : end;
                    var inside = code.AsSpan(i + 1, end - i - 1);
                    if (c == '[' && inside.Length > 0 && !inside.ContainsAnyExcept("hHmMsS"))
                        plain.Append(inside);
                    i = end;
                }
                else
                    plain.Append(c);
            }
            var letters = plain.ToString();
            if (letters.AsSpan().IndexOfAny("yYdDhHmMsS") >= 0)
                return Shown.Date;
            return letters.Contains('%') ? Shown.Percent : Shown.General;
        }
    }

    /// <summary>
    /// The text so far, up to a limit. Separators wait until more text comes, and the strongest wins (newline over tab over
    /// space), so empty paragraphs and cells leave no runs of blank lines.
    /// </summary>
    private sealed class TextSink(int limit)
    {
        private readonly StringBuilder text = new();
        private char pending;

        public bool Full { get; private set; }

        public void Separate(char separator)
        {
            if (text.Length > 0 && Rank(separator) > Rank(pending))
                pending = separator;
        }

        public void Append(string? value)
        {
            if (string.IsNullOrEmpty(value) || Full)
                return;
            if (pending != '\0')
            {
                text.Append(pending);
                pending = '\0';
            }
            var room = limit - text.Length;
            if (value.Length >= room)
            {
                Full = true;
                var cut = room > 0 && room < value.Length && char.IsLowSurrogate(value[room]) ? room - 1 : room;
                value = value[..Math.Max(0, cut)];
            }
            text.Append(value);
        }

        public override string ToString() => text.ToString();

        private static int Rank(char separator) => separator switch { '\n' => 3, '\t' => 2, ' ' => 1, _ => 0 };
    }
}
