using System.Collections.Immutable;
using System.Text;

namespace Gongkai.Core.Reports.Reading;

/// <summary>A stretch of a report's text in reading order (a PDF page), and whether it was recognised from an image (OCR).</summary>
public sealed record TextPart(string Text, bool Ocr);

/// <summary>
/// What of a read report was recognised from an image (issue 18). OCR misreads digits (3 for 8, 13 for 15, a lost 0), so
/// a figure read from it may be wrong where the report is right: a check resting on it is at most a warning
/// (<see cref="ReportAudit.Soften"/>).
/// </summary>
/// <param name="Spans">The stretches of <see cref="ReadReport.Text"/> recognised from images, as [start, end) offsets.</param>
/// <param name="Keys">The figures read from them: every figure the text without them does not give alike.</param>
public sealed record OcrMarks(IReadOnlyList<(int Start, int End)> Spans, ImmutableHashSet<string> Keys)
{
    public bool Covers(int offset) => Spans.Any(s => offset >= s.Start && offset < s.End);
}

public static partial class ReportReader
{
    /// <summary>
    /// A report whose text came in parts, some recognised from images (a scanned PDF's pages): read as the parts joined
    /// by line breaks, with what came from the images marked (<see cref="ReadReport.Ocr"/>). A figure counts as
    /// recognised unless the parts that were not recognised give it alike (same value, same source text) on their own.
    /// </summary>
    public static ReadReport Read(IReadOnlyList<TextPart> parts)
    {
        if (!parts.Any(p => p.Ocr))
            return Read(string.Join('\n', parts.Select(p => p.Text)));
        var joined = new StringBuilder();
        var plain = new StringBuilder();
        var spans = new List<(int Start, int End)>();
        foreach (var part in parts)
        {
            var text = ReportText.Normalize(part.Text);
            if (text.Length == 0)
                continue;
            if (joined.Length > 0)
                joined.Append('\n');
            joined.Append(text);
            if (part.Ocr)
                spans.Add((joined.Length - text.Length, joined.Length));
            else
                plain.Append(plain.Length > 0 ? "\n" : "").Append(text);
        }
        var read = Read(joined.ToString());
        if (!read.Text.Equals(joined.ToString(), StringComparison.Ordinal))
            spans = [(0, read.Text.Length)];   // normalizing the whole moved the offsets: take all of it as recognised
        var alike = plain.Length == 0 ? null : Read(plain.ToString());
        var keys = read.Figures.Keys.Where(key => alike is null || alike.Figures[key] != read.Figures[key]
            || alike.Evidence.GetValueOrDefault(key) != read.Evidence.GetValueOrDefault(key));
        return read with { Ocr = new OcrMarks(spans, keys.ToImmutableHashSet(StringComparer.Ordinal)) };
    }
}
