namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// The narrative of a report Gongkai compiles, against its own tables (issue 5: 「narrative numbers against table cells
/// where the narrative quotes them」): the figures the text states under a summary key (「全年共收到申请283件」) are
/// compared with the cells behind that key (<c>narrative.matches_table</c>), and the text's own arithmetic is checked
/// (<see cref="ReportAudit.ProseRules"/>) — the same reading the audit of a published report uses.
/// </summary>
public static class NarrativeCheck
{
    public static IReadOnlyList<Finding> Run(ReportForm form, ReportFigures tables, string narrative)
    {
        if (string.IsNullOrWhiteSpace(narrative))
            return [];
        var read = ReportReader.Read(narrative);
        var layout = ReportLayouts.For(form);
        var stated = read.Figures.Values.Where(v => layout.Cell(v.Key) is null);
        var matches = ReportChecks.Run(form, tables.With(stated)).Where(f => f.Rule == "narrative.matches_table");
        return [.. matches, .. ProseChecks.Run(read.Text)];
    }
}
