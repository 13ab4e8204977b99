using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>Whose records a report covers: the unit alone, or the unit and every unit below it (a government's report).</summary>
public enum ReportScope
{
    Unit,
    Jurisdiction,
}

/// <summary>A <see cref="ReportScope"/> as the API, the CLI and the pages' query strings write it: "unit" or "jurisdiction".</summary>
public static class ReportScopes
{
    /// <summary>"unit" or "jurisdiction" as the scope; anything else (null included) as null.</summary>
    public static ReportScope? Parse(string? code) => code switch
    {
        "unit" => ReportScope.Unit,
        "jurisdiction" => ReportScope.Jurisdiction,
        _ => null,
    };

    public static string Code(this ReportScope scope) => scope == ReportScope.Jurisdiction ? "jurisdiction" : "unit";
}

/// <summary>A compiled annual report: the form's figures, their check findings, and for a jurisdiction each unit's own.</summary>
/// <param name="Figures">Every cell the records decide, zeros included (a compiled report has no blanks), and every
/// cell entered for it (<see cref="ReportFigureEntry"/>).</param>
public sealed record CompiledReport(string UnitCode, string UnitName, int Year, ReportForm Form, ReportScope Scope,
    ReportFigures Figures, IReadOnlyList<Finding> Findings, IReadOnlyList<UnitFigures> Units)
{
    /// <summary>同比: the main totals beside last year's report (published, else compiled or entered); empty without one.</summary>
    public IReadOnlyList<YearOnYearChange> Changes { get; init; } = [];

    /// <summary>The cells that hold an entered figure (of the unit, or of any unit of the jurisdiction), not only a count.</summary>
    public IReadOnlySet<string> EnteredCells { get; init; } = new HashSet<string>();

    /// <summary>True when the figures are a government's whole report as entered (a year before Gongkai), not compiled.</summary>
    public bool AsEntered { get; init; }

    /// <summary>
    /// The columns of a jurisdiction's breakdown by unit (<see cref="Units"/>; the office page and the workbook's 各单位情况):
    /// table 三's 本年新收, 办理结果总计 and 结转下年度, each with its heading and cell key.
    /// </summary>
    public static IReadOnlyList<(string Heading, string Key)> BreakdownColumns { get; } =
    [
        ("本年新收", ReportKeys.Table3Cell(ReportKeys.Received, ReportKeys.Total)),
        ("办理结果总计", ReportKeys.Table3Cell(ReportKeys.OutcomesTotal, ReportKeys.Total)),
        ("结转下年度", ReportKeys.Table3Cell(ReportKeys.CarriedForward, ReportKeys.Total)),
    ];
}

/// <summary>One unit's share of a jurisdiction report.</summary>
public sealed record UnitFigures(string Code, string Name, ReportFigures Figures);

/// <summary>
/// `gongkai report build`: the form for a unit and year (2021 form from 2021, 2019 form for 2019–2020, the legacy
/// 统计表 for 2008–2018), filled from the records — table 三 from the applications, table 二 第二十条第（一）项 from the
/// catalog, table 四 from the reconsideration and litigation cases — with the figures entered for it standing in cell by
/// cell (<see cref="EnteredFigures.Overlay"/>), and checked (勾稽关系, <see cref="ReportChecks"/>), the carry-over against
/// last year's report as published (its snapshot, when published with the same scope), else compiled the same way.
/// Years before 2019 are never counted: their figures are what was entered.
/// </summary>
public sealed class CompileReport(GongkaiDb db)
{
    public async Task<Outcome<CompiledReport>> HandleAsync(string unitCode, int year, ReportScope scope, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null)
            return Outcome<CompiledReport>.Missing($"没有代码为 {unitCode} 的单位。");
        if (year < ReportForms.FirstYear || year > 9999)
            return Outcome<CompiledReport>.Invalid("year", $"年度报告始于 {ReportForms.FirstYear} 年度，没有 {year} 年度的报告。");
        var records = await ReportRecords.LoadAsync(db, unit, scope, year, ct);
        if (records.Compile(year) is not { } compiled)
            return Outcome<CompiledReport>.Invalid("year", $"{year} 年度的报告使用 2008—2018 年的统计表，不能从记录编制，也还没有录入其数字；请先录入或导入。");
        var form = ReportForms.ForYear(year);
        var published = await db.AnnualReports.PublishedAsync(unit.Id, year - 1, ct);
        var (lastForm, lastYear) = published is not null && published.Scope == scope ? (published.Form, published.PublishedFigures())
            : year - 1 >= ReportForms.FirstYear && records.Compile(year - 1, breakdown: false) is { } last && Stated(last) ? (ReportForms.ForYear(year - 1), last.Figures)
            : (form, (ReportFigures?)null);
        return Outcome<CompiledReport>.Done(new(unit.Code, unit.FullName, year, form, scope, compiled.Figures,
            ReportChecks.Run(form, compiled.Figures, lastYear), compiled.Units)
        {
            Changes = lastYear is null ? [] : YearOnYear.Compare(form, compiled.Figures, lastForm, lastYear),
            EnteredCells = compiled.Entered,
            AsEntered = compiled.AsEntered,
        });
    }

    /// <summary>
    /// Whether last year's report says anything: a year before Gongkai, with nothing entered, counts only zeros — no
    /// ground for 同比 or the carry-over check.
    /// </summary>
    private static bool Stated(ReportRecords.Compiled last) => last.Entered.Count > 0 || last.Figures.Values.Any(v => v.Value.Value != 0);
}
