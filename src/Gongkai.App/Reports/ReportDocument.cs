using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>
/// A whole report as a reader gets it (the HTML and DOCX exports): the compiled or published tables and findings, and
/// the narrative sections in the order of 第五十条 — 一 before table 二, 五 and 六 after table 四, a government's
/// 工作考核、社会评议和责任追究结果情况 last. A section without text is printed with 「无。」 only where
/// <see cref="Sections"/> holds it; a draft compiled without text has no sections.
/// </summary>
/// <param name="Sections">The narrative sections to print, each with its plain text (a paragraph a line).</param>
/// <param name="PublishedOn">The day the report was published, or null for a compiled draft.</param>
public sealed record ReportDocument(CompiledReport Report, IReadOnlyList<(NarrativeSection Section, string Text)> Sections, DateOnly? PublishedOn)
{
    public string Title => $"{Report.UnitName}{Report.Year}年政府信息公开工作年度报告";

    /// <summary>Why a re-published report changed (the note of its last publication); empty otherwise.</summary>
    public string RepublicationNote { get; init; } = "";

    /// <summary>The text of <paramref name="section"/>, or null when the document does not print it.</summary>
    public string? Text(NarrativeSection section) => Sections.Where(s => s.Section == section).Select(s => s.Text).FirstOrDefault();

    /// <summary>The sections printed after the tables, in order.</summary>
    public static readonly IReadOnlyList<NarrativeSection> AfterTables = [NarrativeSection.Problems, NarrativeSection.OtherMatters, NarrativeSection.Assessment];

    /// <summary>A section's paragraphs, a line each; 「无。」 for a section left empty.</summary>
    public static IEnumerable<string> Paragraphs(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).DefaultIfEmpty("无。");
}
