using System.Globalization;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>
/// Figures a report states that Gongkai does not count (<see cref="ReportFigureEntry"/>): staff (信息发布 or an
/// administrator) of the unit's subtree enter them on /office/reports/figures or through the staff API, replacing the
/// unit's entered cells for that year and scope; `gongkai report figures import FILE.csv` adds or changes cells of many
/// units and years at once and leaves the cells it does not name. Every cell is checked against the year's form
/// (<see cref="EnteredFigures.Problem"/>); with any problem nothing is written.
/// </summary>
public sealed class SaveEnteredFigures(GongkaiDb db, TimeProvider clock)
{
    /// <param name="Figures">Cell key → value; a null value leaves the cell blank (to be counted, or not stated).</param>
    public sealed record Input(string UnitCode, int Year, ReportScope Scope, IReadOnlyDictionary<string, decimal?> Figures, string? Note,
        FigureSource Source = FigureSource.Entered);

    /// <summary>Replaces the entered cells of one unit, year and scope; an empty set removes the entry.</summary>
    public async Task<Outcome<ReportFigures>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanWriteReports)
            return Outcome<ReportFigures>.Denied("只有信息发布人员或管理员可以录入年度报告数字。");
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == input.UnitCode, ct);
        if (unit is null)
            return Outcome<ReportFigures>.Missing($"没有代码为 {input.UnitCode} 的单位。");
        if (!actor.Covers(unit.Path))
            return Outcome<ReportFigures>.Denied("您只能录入本单位及下级单位的年度报告数字。");
        if (YearProblem(input.Year) is { } wrongYear)
            return Outcome<ReportFigures>.Invalid("year", wrongYear);
        var form = ReportForms.ForYear(input.Year);
        var problems = input.Figures.Where(f => f.Value is not null)
            .Select(f => (f.Key, Problem: EnteredFigures.Problem(form, f.Key, f.Value!.Value)))
            .Where(f => f.Problem is not null).Select(f => new Problem(f.Key, f.Problem!)).ToList();
        if ((input.Note ?? "").Trim().Length > ReportFigureEntry.MaxNote)
            problems.Add(new("note", $"来源说明不能超过 {ReportFigureEntry.MaxNote} 个字符。"));
        if (problems.Count > 0)
            return Outcome<ReportFigures>.Invalid(problems);
        var figures = ReportFigures.From(input.Figures.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!.Value)));
        var entry = await db.ReportFigureEntries.SingleOrDefaultAsync(e => e.UnitId == unit.Id && e.Year == input.Year && e.Scope == input.Scope, ct);
        if (figures.Count == 0)
        {
            if (entry is not null)
                db.ReportFigureEntries.Remove(entry);
        }
        else
        {
            entry ??= db.ReportFigureEntries.Add(new ReportFigureEntry { UnitId = unit.Id, Year = input.Year, Scope = input.Scope }).Entity;
            Stamp(entry, figures, input.Source, input.Note, actor.DisplayName);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ReportFigures>.Done(figures);
    }

    /// <summary>One row of an import: a cell of a unit's report for a year.</summary>
    public sealed record Row(int Line, string UnitCode, string Year, string Scope, string Key, string Value, string Note);

    /// <summary>
    /// The import of the office page (an uploaded CSV): as <see cref="ImportAsync(IEnumerable{Row}, string, CancellationToken)"/>,
    /// for staff who write reports, and only for units of their subtree — a row of another unit refuses the whole file.
    /// </summary>
    public async Task<Outcome<int>> ImportAsync(IReadOnlyList<Row> rows, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanWriteReports)
            return Outcome<int>.Denied("只有信息发布人员或管理员可以导入年度报告数字。");
        if (rows.Count == 0)
            return Outcome<int>.Invalid("文件", "文件中没有数据行：第一行为表头（单位代码、年度、范围、项目、数值、来源说明），其后每行一个单元格。");
        var codes = rows.Select(r => r.UnitCode.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var inScope = (await actor.UnitsIn(db).Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct)).ToHashSet();
        var known = (await db.Units.Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct)).ToHashSet();
        var outside = rows.Where(r => known.Contains(r.UnitCode.Trim()) && !inScope.Contains(r.UnitCode.Trim()))
            .Select(r => new Problem("单位代码", $"单位 {r.UnitCode.Trim()} 不在您的管辖范围内。", r.Line)).ToList();
        if (outside.Count > 0)
            return Outcome<int>.Invalid(outside);
        return await ImportAsync(rows, actor.DisplayName, ct);
    }

    /// <summary>
    /// Adds or changes the cells <paramref name="rows"/> name, all or nothing; each problem as 「第 N 行 字段：原因」.
    /// Returns how many cells were written.
    /// </summary>
    public async Task<Outcome<int>> ImportAsync(IEnumerable<Row> rows, string actorName, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var problems = new List<Problem>();
        var cells = new Dictionary<(Guid Unit, int Year, ReportScope Scope), (Dictionary<string, decimal> Figures, string Note)>();
        var seen = new Dictionary<(Guid, int, ReportScope, string), int>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            void Refuse(string field, string message) => problems.Add(new(field, message, row.Line));
            if (!units.TryGetValue(row.UnitCode.Trim(), out var unitId))
                Refuse("单位代码", row.UnitCode.Trim().Length == 0 ? "不能为空。" : $"没有代码为 {row.UnitCode.Trim()} 的单位。");
            if (!int.TryParse(row.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || YearProblem(year) is not null)
                Refuse("年度", YearProblem(year) ?? $"「{row.Year}」不是年份。");
            ReportScope? scope = row.Scope.Trim() switch
            {
                "" or "本单位" => ReportScope.Unit,
                "本级政府及所属单位" or "全辖区" => ReportScope.Jurisdiction,
                var code => ReportScopes.Parse(code),
            };
            if (scope is null)
                Refuse("范围", $"「{row.Scope}」应为 unit（本单位）或 jurisdiction（全辖区）。");
            if (!decimal.TryParse(row.Value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                Refuse("数值", row.Value.Trim().Length == 0 ? "不能为空。" : $"「{row.Value}」不是数字。");
            else if (problems.Count == before && EnteredFigures.Problem(ReportForms.ForYear(year), row.Key.Trim(), value) is { } wrong)
                Refuse("项目", wrong);
            if (problems.Count > before)
                continue;
            var key = (unitId, year, scope!.Value);
            if (seen.TryGetValue((unitId, year, scope.Value, row.Key.Trim()), out var first))
            {
                Refuse("项目", $"与第 {first} 行是同一单元格。");
                continue;
            }
            seen[(unitId, year, scope.Value, row.Key.Trim())] = row.Line;
            if (!cells.TryGetValue(key, out var entry))
                cells[key] = entry = ([], "");
            entry.Figures[row.Key.Trim()] = value;
            if (row.Note.Trim().Length > 0)
                cells[key] = (entry.Figures, row.Note.Trim()[..Math.Min(row.Note.Trim().Length, ReportFigureEntry.MaxNote)]);
        }
        if (problems.Count > 0)
            return Outcome<int>.Invalid(problems);
        // The entries already there, read at once: units and years narrow it, the scope is matched here.
        var (unitIds, years) = (cells.Keys.Select(k => k.Unit).Distinct().ToList(), cells.Keys.Select(k => k.Year).Distinct().ToList());
        var existing = await db.ReportFigureEntries.Where(e => unitIds.Contains(e.UnitId) && years.Contains(e.Year))
            .ToDictionaryAsync(e => (e.UnitId, e.Year, e.Scope), ct);
        foreach (var ((unitId, year, scope), (figures, note)) in cells)
        {
            var entry = existing.GetValueOrDefault((unitId, year, scope))
                ?? db.ReportFigureEntries.Add(new ReportFigureEntry { UnitId = unitId, Year = year, Scope = scope }).Entity;
            var merged = entry.Figures().With(figures.Select(f => KeyValuePair.Create(f.Key, new Figure(f.Value))));
            Stamp(entry, merged, FigureSource.Imported, note.Length > 0 ? note : entry.Note, actorName);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Done(cells.Values.Sum(c => c.Figures.Count));
    }

    /// <summary>
    /// The rows of an import CSV: a header naming the columns in English or Chinese — unit/单位代码, year/年度,
    /// scope/范围 (optional, unit by default), key/项目 (the cell key, as <c>report build --format json</c> prints it),
    /// value/数值, note/来源说明 (optional) — then a cell a line. Line numbers count the header as line 1.
    /// </summary>
    public static IEnumerable<Row> ReadCsv(TextReader reader)
    {
        using var csv = new CsvHelper.CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        { TrimOptions = CsvHelper.Configuration.TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null });
        if (!csv.Read())
            yield break;
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => CsvColumns.GetValueOrDefault(h.Trim().TrimStart('\uFEFF'), h.Trim())).ToList();
        string Field(string name) => header.IndexOf(name) is var i and >= 0 ? csv.GetField(i) ?? "" : "";
        while (csv.Read())
            yield return new Row(csv.Parser.RawRow, Field("unit"), Field("year"), Field("scope"), Field("key"), Field("value"), Field("note"));
    }

    private static readonly Dictionary<string, string> CsvColumns = new()
    {
        ["单位代码"] = "unit",
        ["单位"] = "unit",
        ["年度"] = "year",
        ["范围"] = "scope",
        ["项目"] = "key",
        ["单元格"] = "key",
        ["数值"] = "value",
        ["数字"] = "value",
        ["来源说明"] = "note",
        ["说明"] = "note",
    };

    private void Stamp(ReportFigureEntry entry, ReportFigures figures, FigureSource source, string? note, string by)
    {
        entry.SetFigures(figures);
        (entry.Source, entry.Note, entry.UpdatedAt, entry.UpdatedByName) = (source, (note ?? "").Trim(), clock.GetUtcNow().UtcDateTime, by);
    }

    private string? YearProblem(int year) => year < ReportForms.FirstYear || year > clock.Today().Year
        ? $"年度应在 {ReportForms.FirstYear} 至 {clock.Today().Year} 之间。" : null;
}
