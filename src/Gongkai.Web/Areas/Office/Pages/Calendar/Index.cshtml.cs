using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Calendar;

/// <summary>The calendar in force and its imports; a 系统管理员 loads next year's arrangement here.</summary>
public class IndexModel(GongkaiDb db, OfficialCalendar calendars, ImportCalendar import) : PageModel
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<CalendarImport> Imports { get; private set; } = [];
    public bool CanImport { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.IsSystemAdmin)
            return Forbid();
        if (file is null || file.Length == 0 || file.Length > 1024 * 1024)
        {
            ModelState.AddModelError("file", "请选择不超过 1 MB 的日历 JSON 文件。");
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var outcome = await import.HandleAsync(await reader.ReadToEndAsync(), scope.DisplayName);
            if (outcome.Succeeded)
            {
                TempData["Message"] = $"已导入 {string.Join("、", outcome.Value!.Years)} 年；{outcome.Value.DueDatesMoved} 件未办结申请的答复期限有变化。";
                return RedirectToPage();
            }
            foreach (var problem in outcome.Problems)
                ModelState.AddModelError("file", problem.Message);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        CanImport = HttpContext.StaffScope().IsSystemAdmin;
        Years = [.. (await calendars.GetAsync(db)).PublishedYears.Order()];
        Imports = await db.CalendarImports.AsNoTracking().OrderByDescending(i => i.Id).ToListAsync();
    }
}
