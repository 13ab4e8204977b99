using System.Collections.Concurrent;
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
    public static IReadOnlyDictionary<string, decimal> Table3(ReportForm form, int year, IEnumerable<ApplicationFacts> applications) =>
        Sum(ReportLayouts.For(form).Cells.Select(c => c.Key).Where(k => k.StartsWith(ReportKeys.Table3 + ".", StringComparison.Ordinal)),
            applications.SelectMany(a => CellsOf(a, form, year)));

    /// <summary>The table 三 cells one application counts in (<see cref="Table3"/>): each row it is in, in its applicant's column and 总计.</summary>
    public static IEnumerable<string> CellsOf(ApplicationFacts a, ReportForm form, int year)
    {
        var (first, last) = ReportForms.YearBounds(year);
        if (a.ReceivedOn >= first && a.ReceivedOn <= last)
            foreach (var key in Table3Keys(ReportKeys.Received, a.Applicant))
                yield return key;
        if (a.ReceivedOn < first && (a.AnsweredOn is null || a.AnsweredOn >= first))
            foreach (var key in Table3Keys(ReportKeys.CarriedOver, a.Applicant))
                yield return key;
        if (a.AnsweredOn >= first && a.AnsweredOn <= last && a.Outcome is { } outcome)
            foreach (var key in Table3Keys(OutcomeRows.GetOrAdd((outcome, form), k => k.Outcome.Table3Row(k.Form)), a.Applicant)
                         .Concat(Table3Keys(ReportKeys.OutcomesTotal, a.Applicant)))
                yield return key;
        if (a.ReceivedOn <= last && (a.AnsweredOn is null || a.AnsweredOn > last))
            foreach (var key in Table3Keys(ReportKeys.CarriedForward, a.Applicant))
                yield return key;
    }

    // A jurisdiction's report counts each application for every unit, this year and last: its cell keys are made once.
    private static readonly ConcurrentDictionary<(Outcome Outcome, ReportForm Form), string> OutcomeRows = new();
    private static readonly ConcurrentDictionary<(string Row, ApplicantKind Applicant), string[]> Table3KeyPairs = new();

    /// <summary>The row's cell in the applicant's column and in 总计.</summary>
    private static string[] Table3Keys(string row, ApplicantKind applicant) => Table3KeyPairs.GetOrAdd((row, applicant),
        k => [ReportKeys.Table3Cell(k.Row, k.Applicant.Column()), ReportKeys.Table3Cell(k.Row, ReportKeys.Total)]);

    /// <summary>
    /// Table 二 第二十条第（一）项, 规章 and 行政规范性文件. 2021 form: 本年制发 = published in the year; 本年废止 = revoked (废止)
    /// with its 废止日期 in the year; 现行有效 = published by 31 December and not repealed or expired by then (as things
    /// stood at year end, whatever happened since). 2019 form: 本年新制作 = 成文日期 in the year; 本年新公开 = published in the
    /// year; 对外公开总数量 = published by 31 December. The other rows come from other systems (entered, not counted).
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Table2(ReportForm form, int year, IEnumerable<CatalogFacts> items) =>
        Sum(Table2Rows.Values.SelectMany(r => Table2Columns(form).Select(c => ReportKeys.Cell(ReportKeys.Table2, r, c))),
            items.SelectMany(i => CellsOf(i, form, year)));

    /// <summary>The table 二 第二十条第（一）项 cells one catalog item counts in (<see cref="Table2"/>).</summary>
    public static IEnumerable<string> CellsOf(CatalogFacts i, ReportForm form, int year)
    {
        var (first, last) = ReportForms.YearBounds(year);
        if (!Table2Rows.TryGetValue(i.Genre, out var row) || i.PublishedOn > last)
            return [];
        bool In(DateOnly? day) => day >= first && day <= last;
        var counts = form == ReportForm.Form2021
            ? new[] { In(i.PublishedOn), i.Validity == Validity.Revoked && In(i.RepealedOn), i.RepealedOn is null || i.RepealedOn > last }
            : [In(i.FormedOn), In(i.PublishedOn), true];
        return Table2Columns(form).Where((_, c) => counts[c]).Select(c => ReportKeys.Cell(ReportKeys.Table2, row, c));
    }

    /// <summary>
    /// Table 四: each case in its group's column for the state it was in at year end
    /// (<see cref="CaseCounting.StateAtYearEnd"/>), and in the group's 总计.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Table4(int year, IEnumerable<CaseFacts> cases) =>
        Sum(ReportKeys.Table4Groups.SelectMany(g => ReportKeys.Table4Outcomes.Select(o => ReportKeys.Table4Cell(g, o))),
            cases.SelectMany(c => CellsOf(c, year)));

    /// <summary>The table 四 cells one case counts in (<see cref="Table4"/>): none when it was not open or decided in the year.</summary>
    public static IEnumerable<string> CellsOf(CaseFacts c, int year) =>
        CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, year) is { } state
            ? [ReportKeys.Table4Cell(c.Kind.Key(), state.Key()), ReportKeys.Table4Cell(c.Kind.Key(), ReportKeys.Total)]
            : [];

    private static readonly Dictionary<Genre, string> Table2Rows = new() { [Genre.Rule] = "rules", [Genre.NormativeDocument] = "normative_documents" };

    private static string[] Table2Columns(ReportForm form) =>
        form == ReportForm.Form2021 ? ["issued", "revoked", "in_force"] : ["new_made", "new_published", "total_public"];

    /// <summary>Every cell of <paramref name="cells"/>, zero unless counted, plus one per occurrence in <paramref name="counted"/>.</summary>
    private static Dictionary<string, decimal> Sum(IEnumerable<string> cells, IEnumerable<string> counted)
    {
        var sums = cells.ToDictionary(k => k, _ => 0m, StringComparer.Ordinal);
        foreach (var key in counted)
            sums[key]++;
        return sums;
    }
}
