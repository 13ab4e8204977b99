namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// The narrative of a report Gongkai compiles, against its own tables (issue 5: 「narrative numbers against table cells
/// where the narrative quotes them」): the figures the text states under a summary key (「全年共收到申请283件」) are
/// compared with the cells behind that key (<c>narrative.matches_table</c>), and the text's own arithmetic is checked
/// (<see cref="ProseChecks"/>: <c>prose.parts_of_whole</c>, <c>prose.parts_total</c>, <c>prose.percent</c>,
/// <c>prose.year_on_year</c>) — the same reading the audit of a published report uses.
/// </summary>
public static class NarrativeCheck
{
    public static IReadOnlyList<Finding> Run(ReportForm form, ReportFigures tables, string narrative)
    {
        if (string.IsNullOrWhiteSpace(narrative))
            return [];
        var text = ReportText.Normalize(narrative);
        var layout = ReportLayouts.For(form);
        var stated = ProseReader.Read(text).Values.Select(f => KeyValuePair.Create(f.Key, f.Number.Figure));
        var matches = ReportChecks.Rule("narrative.matches_table").Run(new ReportCheckInput(layout, tables.With(stated)));
        return [.. matches, .. ProseChecks.Run(text)];
    }
}
