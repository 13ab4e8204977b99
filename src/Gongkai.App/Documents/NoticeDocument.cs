using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Documents;

namespace Gongkai.App.Documents;

/// <summary>
/// A <see cref="Notice"/> as a Word document laid out like an official paper (GB/T 9704-2012): A4 portrait, margins
/// 37 / 35 / 28 / 26 mm, the title in 黑体 二号, the text in 仿宋 三号 on a 28 pt line, 2-character first-line indents,
/// the issuer and the date on the right. Fonts are named as Word on Chinese Windows knows them; other systems substitute.
/// </summary>
public static class NoticeDocument
{
    internal const string BodyFont = "FangSong";
    internal const string TitleFont = "SimHei";
    internal const int BodySize = 32;   // half-points: 16 pt, 三号
    internal const int TitleSize = 44;  // 22 pt, 二号
    internal const int Line = 560;      // twips: 28 pt exact
    private const int Character = BodySize * 10; // twips: one 16 pt character
    private const int TwoCharacters = 2 * Character;

    public static void WriteDocx(Notice notice, Stream output) => Write(output, notice.Title, notice.Issuer, BodyOf(notice));

    /// <summary>
    /// Writes a document with this class's setup (the 仿宋 三号 defaults, zh-CN, the A4 page of an official paper) around
    /// <paramref name="body"/>, whose last child must be <see cref="Page"/>. Other documents (the paper application form) share it.
    /// </summary>
    internal static void Write(Stream output, string title, string creator, Body body)
    {
        // System.IO.Packaging needs to seek while it writes the zip; buffer for streams that cannot (an HTTP response).
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, title, creator, body);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = title;
        document.PackageProperties.Creator = creator;
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Body BodyOf(Notice notice)
    {
        var body = new Body(
            Paragraph(notice.Title, JustificationValues.Center, font: TitleFont, size: TitleSize),
            Paragraph(notice.DocumentNumber, JustificationValues.Center, after: Line),
            Paragraph($"{notice.Addressee}：", JustificationValues.Left));
        for (var i = 0; i < notice.Paragraphs.Count; i++)
        {
            // The closing line (特此告知。) stays on the page of the signature.
            var last = i == notice.Paragraphs.Count - 1;
            body.Append(Paragraph(notice.Paragraphs[i], JustificationValues.Both, firstLine: TwoCharacters, keepWithNext: last));
        }
        // GB/T 9704 7.3.5.1: the date 右空四字, the issuer centred over it; the seal presses on both, its top within a line of the text.
        var date = Notice.ChineseDate(notice.Date);
        var issuerRight = Math.Max(0, 4 + (Width(date) - Width(notice.Issuer)) / 2);
        body.Append(Paragraph(notice.Issuer, JustificationValues.Right, before: 2 * Line, right: (int)(issuerRight * Character), keepWithNext: true));
        body.Append(Paragraph(date, JustificationValues.Right, right: 4 * Character));
        body.Append(Page());
        return body;
    }

    /// <summary>Defaults every run inherits: 仿宋 三号 for Latin and East Asian text alike.</summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont),
                new FontSize { Val = $"{BodySize}" },
                new FontSizeComplexScript { Val = $"{BodySize}" },
                // Chinese text is zh-CN. Latin script (digits, the tracking code) stays en-US as Word writes it for Chinese
                // documents: tagged zh-CN, LibreOffice breaks lines inside numbers (「202」/「4年」).
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = $"{Line}", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
        new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    internal static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    internal static Paragraph Paragraph(string text, JustificationValues alignment, string? font = null, int? size = null,
        int before = 0, int after = 0, int firstLine = 0, int right = 0, bool keepWithNext = false, int? line = null)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines
            {
                // A large title needs more than the 28 pt body line, or its top is cut off.
                Line = $"{line ?? (size is { } s && s > BodySize ? s * 15 : Line)}",
                LineRule = LineSpacingRuleValues.Exact,
                Before = $"{before}",
                After = $"{after}",
            },
            new Justification { Val = alignment });
        if (keepWithNext)
            properties.PrependChild(new KeepNext());
        // Set only what is used: a null string still writes an empty attribute, which Word rejects.
        var indentation = new Indentation();
        if (firstLine > 0)
            (indentation.FirstLine, indentation.FirstLineChars) = ($"{firstLine}", 200);
        if (right > 0)
            indentation.Right = $"{right}";
        if (indentation.HasAttributes)
            properties.InsertBefore(indentation, properties.GetFirstChild<Justification>());
        var run = new RunProperties();
        if (font is not null)
            run.Append(Fonts(font));
        if (size is { } points)
        {
            run.Append(new FontSize { Val = $"{points}" });
            run.Append(new FontSizeComplexScript { Val = $"{points}" });
        }
        var content = new Text(text) { Space = SpaceProcessingModeValues.Preserve };
        return new Paragraph(properties, run.HasChildren ? new Run(run, content) : new Run(content));
    }

    /// <summary>Width in body characters: CJK full width, digits and Latin letters about half.</summary>
    private static double Width(string text) => text.Sum(c => c < '\u2E80' ? 0.5 : 1);

    /// <summary>A4 portrait with the margins of an official paper (mm → twips: × 1440 / 25.4).</summary>
    internal static SectionProperties Page() => new(
        new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = Twips(37), Bottom = Twips(35), Left = (uint)Twips(28), Right = (uint)Twips(26), Header = 851, Footer = 992, Gutter = 0 });

    internal static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);
}
