using Gongkai.App.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.App.Applications;

/// <summary>
/// The paper application form as a PDF on A4, for applicants who print it rather than edit it: the same rows and notes as
/// the Word form (<see cref="ApplicationPaperForm.Rows"/>), drawn as a ruled table with room to write by hand.
/// </summary>
public static class ApplicationPaperFormPdf
{
    public const string FileName = "政府信息公开申请表.pdf";

    private static readonly double Left = XUnit.FromMillimeter(22).Point, Top = XUnit.FromMillimeter(15).Point;
    private static readonly double LabelWidth = XUnit.FromMillimeter(52).Point, ValueWidth = XUnit.FromMillimeter(114).Point;
    private const double Size = 11, Line = 15.5, Pad = 4;

    /// <summary>One style in both fonts: Chinese characters in the first, everything else in the second.</summary>
    private sealed record Face(XFont Cjk, XFont Latin);

    /// <summary>Writes the form; false (nothing written) when the machine has no font for it (<see cref="PdfCjkFont"/>).</summary>
    public static bool Write(Stream output)
    {
        if (!PdfCjkFont.Install())
            return false;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        Face FaceOf(double size, XFontStyleEx style) =>
            new(new XFont(PdfCjkFont.Family, size, style, options), new XFont(PdfCjkFont.LatinFamily, size, style, options));
        var text = FaceOf(Size, XFontStyleEx.Regular);
        var bold = FaceOf(Size, XFontStyleEx.Bold);
        var title = FaceOf(18, XFontStyleEx.Bold);
        var pen = new XPen(XColors.Black, 0.6);

        using var document = new PdfDocument();
        document.Info.Title = ApplicationPaperForm.Title;
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using var gfx = XGraphics.FromPdfPage(page);
        var width = LabelWidth + ValueWidth;
        Draw(gfx, ApplicationPaperForm.Title, title, Left + (width - Measure(gfx, ApplicationPaperForm.Title, title)) / 2, Top + 24);

        var y = Top + 38;
        string? group = null;
        foreach (var row in ApplicationPaperForm.Rows)
        {
            if (row.Group != group && row.Group != "")
            {
                group = row.Group;
                gfx.DrawRectangle(pen, Left, y, width, Line + 2 * Pad);
                Draw(gfx, row.Group, bold, Left + Pad, y + Pad + Size);
                y += Line + 2 * Pad;
            }
            var label = Wrap(gfx, row.Label, text, LabelWidth - 2 * Pad);
            var choices = Wrap(gfx, row.Choices, text, ValueWidth - 2 * Pad);
            var height = Math.Max(Math.Max(label.Count, choices.Count), row.Lines) * Line + 2 * Pad;
            gfx.DrawRectangle(pen, Left, y, LabelWidth, height);
            gfx.DrawRectangle(pen, Left + LabelWidth, y, ValueWidth, height);
            Lines(gfx, label, text, Left + Pad, y + Pad);
            Lines(gfx, choices, text, Left + LabelWidth + Pad, y + Pad);
            y += height;
        }

        y += Line;
        Draw(gfx, "填表说明：", bold, Left, y + Size);
        y += Line;
        for (var i = 0; i < ApplicationPaperForm.Notes.Count; i++)
        {
            var lines = Wrap(gfx, $"{i + 1}. {ApplicationPaperForm.Notes[i]}", text, width);
            Lines(gfx, lines, text, Left, y);
            y += lines.Count * Line;
        }
        document.Save(output, closeStream: false);
        return true;
    }

    private static void Lines(XGraphics gfx, IReadOnlyList<string> lines, Face face, double x, double y)
    {
        for (var i = 0; i < lines.Count; i++)
            Draw(gfx, lines[i], face, x, y + i * Line + Size);
    }

    /// <summary>Draws one line at a baseline, each run of characters in the font that has them.</summary>
    private static void Draw(XGraphics gfx, string line, Face face, double x, double baseline)
    {
        foreach (var (run, font) in Runs(line, face))
        {
            gfx.DrawString(run, font, XBrushes.Black, new XPoint(x, baseline));
            x += gfx.MeasureString(run, font).Width;
        }
    }

    private static double Measure(XGraphics gfx, string line, Face face) => Runs(line, face).Sum(r => gfx.MeasureString(r.Text, r.Font).Width);

    private static IEnumerable<(string Text, XFont Font)> Runs(string line, Face face)
    {
        var start = 0;
        for (var i = 1; i <= line.Length; i++)
            if (i == line.Length || PdfCjkFont.IsCjk(line[i]) != PdfCjkFont.IsCjk(line[start]))
            {
                yield return (line[start..i], PdfCjkFont.IsCjk(line[start]) ? face.Cjk : face.Latin);
                start = i;
            }
    }

    /// <summary>Chinese text broken into lines that fit <paramref name="width"/>, character by character (no spaces to break at).</summary>
    private static List<string> Wrap(XGraphics gfx, string value, Face font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var character in value)
        {
            if (line.Length > 0 && Measure(gfx, line + character, font) > width)
            {
                lines.Add(line);
                line = "";
            }
            line += character;
        }
        if (line.Length > 0)
            lines.Add(line);
        return lines;
    }
}
