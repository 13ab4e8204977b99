using Gongkai.Core.Applications;
using Gongkai.Core.Cases;
using Gongkai.Core.Catalog;

namespace Gongkai.Core.Reports;

/// <summary>One application as table 三 counts it: who applied, when it was received, and when and how it was answered.</summary>
public readonly record struct ApplicationFacts(ApplicantKind Applicant, DateOnly ReceivedOn, DateOnly? AnsweredOn, Outcome? Outcome);

/// <summary>One published catalog item as table 二 第二十条第（一）项 counts it.</summary>
public readonly record struct CatalogFacts(Genre Genre, DateOnly FormedOn, DateOnly PublishedOn, Validity Validity, DateOnly? RepealedOn);

/// <summary>One reconsideration or litigation case a unit counts (201号 already applied, <see cref="CaseCounting.CountsFor"/>).</summary>
public readonly record struct CaseFacts(CaseKind Kind, DateOnly FiledOn, DateOnly? DecidedOn, CaseResult Result);

/// <summary>
/// The cells of the national form that Gongkai's own records decide, for a report year (1 January – 31 December,
/// 第五十条). Every cell counted is filled, zeros included: a compiled report has no blanks.
/// </summary>
public static class CountFromRecords
{
    /// <summary>
    /// Table 三: 一、本年新收 by receipt date; 二、上年结转 = received before the year and not answered before it; 三、本年度办理结果
    /// by answer date, in the outcome's row; 四、结转下年度继续办理 = received by 31 December and not answered by then. So each
    /// column satisfies 一 + 二 = 三（七） + 四 by construction, and last year's 四 is this year's 二.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Table3(ReportForm form, int year, IEnumerable<ApplicationFacts> applications)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var cells = ReportLayouts.For(form).Cells.Where(c => c.Key.StartsWith(ReportKeys.Table3 + ".", StringComparison.Ordinal))
            .ToDictionary(c => c.Key, _ => 0m);
        void Count(string row, ApplicantKind applicant)
        {
            cells[ReportKeys.Table3Cell(row, applicant.Column())]++;
            cells[ReportKeys.Table3Cell(row, ReportKeys.Total)]++;
        }
        foreach (var a in applications)
        {
            if (a.ReceivedOn >= first && a.ReceivedOn <= last)
                Count(ReportKeys.Received, a.Applicant);
            if (a.ReceivedOn < first && (a.AnsweredOn is null || a.AnsweredOn >= first))
                Count(ReportKeys.CarriedOver, a.Applicant);
            if (a.AnsweredOn >= first && a.AnsweredOn <= last && a.Outcome is { } outcome)
            {
                Count(outcome.Table3Row(form), a.Applicant);
                Count(ReportKeys.OutcomesTotal, a.Applicant);
            }
            if (a.ReceivedOn <= last && (a.AnsweredOn is null || a.AnsweredOn > last))
                Count(ReportKeys.CarriedForward, a.Applicant);
        }
        return cells;
    }

    /// <summary>
    /// Table 二 第二十条第（一）项, 规章 and 行政规范性文件. 2021 form: 本年制发 = published in the year; 本年废止 = revoked (废止)
    /// with its 废止日期 in the year; 现行有效 = published by 31 December and not repealed or expired by then (as things
    /// stood at year end, whatever happened since). 2019 form: 本年新制作 = 成文日期 in the year; 本年新公开 = published in the
    /// year; 对外公开总数量 = published by 31 December. The other rows come from other systems (entered, not counted).
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Table2(ReportForm form, int year, IEnumerable<CatalogFacts> items)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = new Dictionary<Genre, string> { [Genre.Rule] = "rules", [Genre.NormativeDocument] = "normative_documents" };
        var columns = form == ReportForm.Form2021 ? new[] { "issued", "revoked", "in_force" } : ["new_made", "new_published", "total_public"];
        var cells = rows.Values.SelectMany(r => columns.Select(c => ReportKeys.Cell(ReportKeys.Table2, r, c))).ToDictionary(k => k, _ => 0m);
        bool In(DateOnly? day) => day >= first && day <= last;
        foreach (var i in items.Where(i => rows.ContainsKey(i.Genre) && i.PublishedOn <= last))
        {
            var row = rows[i.Genre];
            var counts = form == ReportForm.Form2021
                ? new[] { In(i.PublishedOn), i.Validity == Validity.Revoked && In(i.RepealedOn), i.RepealedOn is null || i.RepealedOn > last }
                : [In(i.FormedOn), In(i.PublishedOn), true];
            for (var c = 0; c < columns.Length; c++)
                cells[ReportKeys.Cell(ReportKeys.Table2, row, columns[c])] += counts[c] ? 1 : 0;
        }
        return cells;
    }

    /// <summary>
    /// Table 四: each case in its group's column for the state it was in at year end
    /// (<see cref="CaseCounting.StateAtYearEnd"/>), and in the group's 总计.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Table4(int year, IEnumerable<CaseFacts> cases)
    {
        var cells = ReportKeys.Table4Groups.SelectMany(g => ReportKeys.Table4Outcomes.Select(o => ReportKeys.Table4Cell(g, o))).ToDictionary(k => k, _ => 0m);
        foreach (var c in cases)
        {
            if (CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, year) is not { } state)
                continue;
            cells[ReportKeys.Table4Cell(c.Kind.Key(), state.Key())]++;
            cells[ReportKeys.Table4Cell(c.Kind.Key(), ReportKeys.Total)]++;
        }
        return cells;
    }
}
