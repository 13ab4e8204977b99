using System.Globalization;
using System.Text;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Reports;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Reports;

/// <summary>
/// 录入数字: the year's form with an input in every cell, for the figures Gongkai does not count — table 二's rows from
/// other systems, a unit that keeps its records elsewhere, a year before Gongkai. A blank input is not entered (the
/// count, shown as the placeholder, stands).
/// </summary>
public class FiguresModel(GongkaiDb db, SaveEnteredFigures save, CompileReport compile) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Unit { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty] public Dictionary<string, string> F { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public string UnitName { get; private set; } = "";
    public ReportForm Form => ReportForms.ForYear(Year);
    public ReportFigures Current { get; private set; } = ReportFigures.Empty;
    public ReportFigureEntry? Entry { get; private set; }
    public bool CanWrite { get; private set; }
    public ReportScope ChosenScope => ReportScopes.Parse(Scope) ?? ReportScope.Unit;
    public string Query => $"unit={Unit}&year={Year}&scope={ChosenScope.Code()}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        LoadEntered();
        return Page();
    }

    private void LoadEntered()
    {
        F = Entry?.Figures().Values.ToDictionary(v => v.Key, v => v.Value.Value.ToString("0.####", CultureInfo.InvariantCulture)) ?? [];
        Note = Entry?.Note;
    }

    /// <summary>The problems of a refused import, each 「第 N 行 字段：原因」; nothing of the file was saved.</summary>
    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    /// <summary>An uploaded CSV imported as `gongkai report figures import` does (<see cref="SaveEnteredFigures.ImportAsync(IReadOnlyList{SaveEnteredFigures.Row}, App.Accounts.StaffScope, CancellationToken)"/>), all or nothing.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload)
    {
        if (await LoadAsync() is { } refused)
            return refused;
        LoadEntered();
        List<string> problems = [];
        if (upload is null || upload.Length == 0)
            problems.Add("请选择要导入的 CSV 文件。");
        else if (upload.Length > MaxImportBytes)
            problems.Add($"文件超过 {MaxImportBytes / 1024 / 1024} MB。");
        else
        {
            List<SaveEnteredFigures.Row> rows;
            try
            {
                using var reader = new StreamReader(upload.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                rows = [.. SaveEnteredFigures.ReadCsv(reader)];
            }
            catch (Exception e) when (e is CsvHelper.CsvHelperException or DecoderFallbackException)
            {
                rows = [];
                problems.Add("无法读取该文件：请上传 UTF-8 编码的 CSV 文件。");
            }
            if (problems.Count == 0)
            {
                var outcome = await save.ImportAsync(rows, HttpContext.StaffScope(), HttpContext.RequestAborted);
                if (outcome.Kind == OutcomeKind.Done)
                {
                    TempData["Message"] = $"已导入 {outcome.Value} 个数字。";
                    return Redirect($"/office/reports/figures?{Query}");
                }
                if (outcome.Kind == OutcomeKind.Denied)
                    return Forbid();
                problems.AddRange(outcome.Problems.Select(p => p.ToString()));
            }
        }
        ImportProblems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public const long MaxImportBytes = 5 * 1024 * 1024;

    public async Task<IActionResult> OnPostAsync()
    {
        if (Year < ReportForms.FirstYear || Year > 9999)
            return NotFound();
        var figures = new Dictionary<string, decimal?>();
        foreach (var (key, text) in F)
        {
            var value = (text ?? "").Trim().Replace('，', '.').Replace("．", ".");
            if (value.Length == 0)
                figures[key] = null;
            else if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                figures[key] = number;
            else
                ModelState.AddModelError($"F[{key}]", $"{ReportLayouts.For(Form).Describe(key)}：「{text}」不是数字。");
        }
        if (ModelState.ErrorCount == 0)
        {
            var outcome = await save.HandleAsync(new(Unit, Year, ChosenScope, figures, Note), HttpContext.StaffScope(), HttpContext.RequestAborted);
            if (this.Finish(outcome, field => field.Contains('.') ? $"F[{field}]" : field,
                    saved => saved.Count == 0 ? "已清除录入的数字。" : $"已保存 {saved.Count} 个录入的数字。", _ => $"/office/reports?{Query}") is { } finished)
                return finished;
        }
        if (await LoadAsync() is { } refused)
            return refused;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var scope = HttpContext.StaffScope();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == Unit);
        if (unit is null || Year < ReportForms.FirstYear || Year > 9999)
            return NotFound();
        if (!scope.Covers(unit.Path))
            return Forbid();
        (UnitName, CanWrite) = (unit.FullName, scope.CanWriteReports);
        Entry = await db.ReportFigureEntries.AsNoTracking().SingleOrDefaultAsync(e => e.UnitId == unit.Id && e.Year == Year && e.Scope == ChosenScope);
        if ((await compile.HandleAsync(Unit, Year, ChosenScope, HttpContext.RequestAborted)).Value is { } compiled)
            Current = compiled.Figures;
        return null;
    }
}
