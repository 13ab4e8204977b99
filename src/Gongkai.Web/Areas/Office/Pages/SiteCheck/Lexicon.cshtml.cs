using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.SiteCheck;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>
/// /office/site-check/lexicon: a unit's serious-error lexicon (and the entries of the units above it, which apply here
/// too): add an entry, delete one, or import a CSV/TXT file (<see cref="ImportLexicon"/>: all lines or none).
/// </summary>
[RequestSizeLimit(ImportLexicon.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLexicon.MaxBytes + 64 * 1024)]
public class LexiconModel(GongkaiDb db, AddLexiconEntry add, RemoveLexiconEntry remove, ImportLexicon import) : SiteCheckPageModel(db)
{
    public sealed class EntryForm
    {
        public LexiconKind Kind { get; set; } = LexiconKind.WrongName;
        public string Term { get; set; } = "";
        public string Correction { get; set; } = "";
        public string Note { get; set; } = "";
    }

    [BindProperty] public EntryForm Form { get; set; } = new();
    public List<LexiconEntry> Entries { get; private set; } = [];

    /// <summary>Entries of the units above, which the check applies to this unit too.</summary>
    public List<(string Unit, LexiconEntry Entry)> Inherited { get; private set; } = [];

    /// <summary>Problems of the file just imported, with their line numbers.</summary>
    public IReadOnlyList<Problem> ImportProblems { get; private set; } = [];

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<LexiconKind>().Select(k => new SelectListItem(k.ChineseName(), k.ToString()));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (!ModelState.IsValid)
            this.ExplainBindingErrors();
        else
        {
            var outcome = await add.HandleAsync(new(Current.Code, Form.Kind, Form.Term, Form.Correction, Form.Note), HttpContext.StaffScope(), HttpContext.RequestAborted);
            if (this.Finish(outcome, nameof(Form), e => $"已保存词条“{e.Term}”。", Link("/lexicon")) is { } finished)
                return finished;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (!await LoadAsync())
            return NotFound();
        var outcome = await remove.HandleAsync(new(id), HttpContext.StaffScope(), HttpContext.RequestAborted);
        return this.Finish(outcome, nameof(Form), e => $"已删除词条“{e.Term}”。", Link("/lexicon")) ?? Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        if (!await LoadAsync())
            return NotFound();
        if (file is null || file.Length == 0)
        {
            ImportProblems = [new("File", "请选择要导入的 .csv 或 .txt 文件。")];
            return Page();
        }
        if (file.Length > ImportLexicon.MaxBytes)
        {
            ImportProblems = [new("File", $"文件不能超过 {ImportLexicon.MaxBytes / 1024} KB。")];
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var outcome = await import.HandleAsync(new(Current.Code, file.FileName, buffer.ToArray()), HttpContext.StaffScope(), HttpContext.RequestAborted);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Message"] = $"已导入“{Path.GetFileName(file.FileName)}”：{outcome.Value}。";
                return Redirect(Link("/lexicon"));
            case OutcomeKind.Missing: return NotFound();
            case OutcomeKind.Denied: return Forbid();
        }
        ImportProblems = outcome.Problems;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadUnitAsync())
            return false;
        Entries = await Db.LexiconEntries.AsNoTracking().Where(e => e.UnitId == Current.Id).OrderBy(e => e.Kind).ThenBy(e => e.Term).ToListAsync();
        var path = Current.Path;
        Inherited = [.. (await Db.LexiconEntries.AsNoTracking().Where(e => e.UnitId != Current.Id && path.StartsWith(e.Unit.Path))
            .OrderBy(e => e.Unit.Path.Length).ThenBy(e => e.Kind).ThenBy(e => e.Term).Select(e => new { e.Unit.FullName, Entry = e }).ToListAsync())
            .Select(x => (x.FullName, x.Entry))];
        return true;
    }
}
