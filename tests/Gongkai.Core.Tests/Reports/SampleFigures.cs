using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Builders for reports whose every identity of domain §5 holds; a test breaks one on purpose.</summary>
internal static class SampleFigures
{
    /// <summary>
    /// A full 2019 or 2021 report: table 三 outcome rows filled with small counts (（六）其他处理 empty), totals, 一 and 四
    /// computed so that 一 + 二 = （七） + 四 in every column; table 四 and table 二 filled.
    /// </summary>
    public static ReportFigures National(ReportForm form = ReportForm.Form2021)
    {
        var layout = ReportLayouts.For(form);
        var outcomeRows = Table3Layout.OutcomeRows(layout.Table(ReportKeys.Table3)).Select(r => r.Key).ToList();
        var cells = new Dictionary<string, decimal>();
        for (var j = 0; j < ReportKeys.ApplicantColumns.Count; j++)
        {
            var column = ReportKeys.ApplicantColumns[j];
            for (var i = 0; i < outcomeRows.Count; i++)
            {
                var row = outcomeRows[i];
                cells[T3(row, column)] = row.StartsWith("outcomes.other", StringComparison.Ordinal) ? 0
                    : row == "outcomes.disclosed" ? 10 + j : (i + j) % 3;
            }
            var outcomes = outcomeRows.Sum(r => cells[T3(r, column)]);
            cells[T3(ReportKeys.OutcomesTotal, column)] = outcomes;
            cells[T3(ReportKeys.CarriedOver, column)] = j + 1;
            cells[T3(ReportKeys.CarriedForward, column)] = 2;
            cells[T3(ReportKeys.Received, column)] = outcomes + 2 - (j + 1);
        }
        foreach (var row in outcomeRows.Concat([ReportKeys.Received, ReportKeys.CarriedOver, ReportKeys.OutcomesTotal, ReportKeys.CarriedForward]))
            cells[T3(row, ReportKeys.Total)] = ReportKeys.ApplicantColumns.Sum(c => cells[T3(row, c)]);
        foreach (var (group, n) in ReportKeys.Table4Groups.Select((g, n) => (g, n)))
        {
            decimal[] counts = [3 + n, 1, n, 2];
            for (var k = 0; k < 4; k++)
                cells[ReportKeys.Table4Cell(group, ReportKeys.Table4Outcomes[k])] = counts[k];
            cells[ReportKeys.Table4Cell(group, "total")] = counts.Sum();
        }
        foreach (var cell in layout.Cells.Where(c => c.Table.KeyPrefix == ReportKeys.Table2))
            cells[cell.Key] = cell.Key.EndsWith(".amount", StringComparison.Ordinal) ? 12.5m : 7;
        return ReportFigures.From(cells);
    }

    /// <summary>A legacy 统计表 with every block filled and every identity holding.</summary>
    public static ReportFigures Legacy() => Legacy(
    [
        ("proactive.total", 900), ("proactive.normative_documents", 20), ("proactive.normative_documents_issued", 25),
        ("proactive.by_channel.gazette", 50), ("proactive.by_channel.website", 880), ("proactive.by_channel.weibo", 100),
        ("proactive.by_channel.wechat", 90), ("proactive.by_channel.other", 10),
        ("response.hot_topics", 12), ("response.by_channel.press_conferences", 5), ("response.by_channel.press_conferences.by_leaders", 2),
        ("response.by_channel.interviews", 4), ("response.by_channel.interviews.by_leaders", 4), ("response.by_channel.interpretations", 30),
        ("response.by_channel.weibo_wechat", 3), ("response.by_channel.other", 1),
        ("applications.received", 40), ("applications.received.in_person", 10), ("applications.received.fax", 1),
        ("applications.received.online", 25), ("applications.received.letter", 4),
        ("applications.closed", 38), ("applications.closed.on_time", 36), ("applications.closed.extended", 2),
        ("applications.answers", 38), ("applications.answers.already_public", 8), ("applications.answers.agreed", 15),
        ("applications.answers.partially_agreed", 3), ("applications.answers.refused", 4),
        ("applications.answers.refused.state_secret", 1), ("applications.answers.refused.trade_secret", 0),
        ("applications.answers.refused.privacy", 2), ("applications.answers.refused.security_stability", 0),
        ("applications.answers.refused.not_government_information", 1), ("applications.answers.refused.other_legal", 0),
        ("applications.answers.not_this_agency", 3), ("applications.answers.not_exist", 2),
        ("applications.answers.correction", 2), ("applications.answers.other_channel", 1),
        ("reconsideration", 3), ("reconsideration.upheld", 2), ("reconsideration.corrected", 1), ("reconsideration.other", 0),
        ("litigation", 1), ("litigation.upheld", 1), ("litigation.corrected", 0), ("litigation.other", 0),
        ("complaints", 0), ("fees", 0),
        ("capacity.offices", 1), ("capacity.reading_points", 3), ("capacity.staff", 5),
        ("capacity.staff.full_time", 2), ("capacity.staff.part_time", 3), ("capacity.budget", 2.5m),
        ("training.meetings", 2), ("training.courses", 1), ("training.trainees", 40),
    ]);

    /// <summary>Legacy 统计表 figures from (row key, value) pairs.</summary>
    public static ReportFigures Legacy(IEnumerable<(string Row, decimal Value)> rows) =>
        ReportFigures.From(rows.Select(r => KeyValuePair.Create(ReportKeys.LegacyCell(r.Row), r.Value)));

    public static string T3(string row, string column) => ReportKeys.Table3Cell(row, column);

    /// <summary>The figures with <paramref name="key"/> changed by <paramref name="delta"/>.</summary>
    public static ReportFigures Shift(this ReportFigures figures, string key, decimal delta) =>
        figures.With(key, figures[key]!.Value.Value + delta);

    public static IReadOnlyList<Finding> Check(this ReportFigures figures, ReportForm form = ReportForm.Form2021, ReportFigures? lastYear = null) =>
        ReportChecks.Run(form, figures, lastYear);
}
