using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Mailboxes;

/// <summary>Opens, closes or changes one unit's mailbox through <see cref="SaveMailbox"/>.</summary>
public class EditModel(GongkaiDb db, SaveMailbox save) : PageModel
{
    public sealed class MailboxForm
    {
        public string Name { get; set; } = "";
        public string Introduction { get; set; } = "";
        public bool IsOpen { get; set; } = true;
        public int SortOrder { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Unit { get; set; } = "";
    [BindProperty] public MailboxForm Form { get; set; } = new();
    public string UnitName { get; private set; } = "";
    public bool Exists { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Unit.Code == Unit);
        Form = mailbox is null ? new() { Name = DefaultName(UnitName) }
            : new() { Name = mailbox.Name, Introduction = mailbox.Introduction, IsOpen = mailbox.IsOpen, SortOrder = mailbox.SortOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            this.ExplainBindingErrors();
        else
        {
            var outcome = await save.HandleAsync(new(Unit, Form.Name, Form.Introduction, Form.IsOpen, Form.SortOrder), HttpContext.StaffScope());
            if (this.Finish(outcome, nameof(Form), m => $"已保存信箱“{m.Name}”{(m.IsOpen ? "" : "（已关闭）")}。", "/office/mailboxes") is { } finished)
                return finished;
        }
        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanHandleLetters)
            return Forbid();
        var unit = await scope.UnitsIn(db).AsNoTracking().Where(u => u.Code == Unit).Select(u => new { u.FullName }).SingleOrDefaultAsync();
        if (unit is null)
            return NotFound();
        UnitName = unit.FullName;
        Exists = await db.Mailboxes.AnyAsync(m => m.Unit.Code == Unit);
        return null;
    }

    /// <summary>市长信箱 for a city government, 区长信箱 for a district's, 局长信箱 for a bureau …</summary>
    private static string DefaultName(string unit) =>
        unit.EndsWith("市人民政府") ? "市长信箱" : unit.EndsWith("区人民政府") ? "区长信箱" : unit.EndsWith("县人民政府") ? "县长信箱"
        : unit.EndsWith("镇人民政府") ? "镇长信箱" : unit.EndsWith("乡人民政府") ? "乡长信箱" : unit.EndsWith("局") ? "局长信箱"
        : unit.EndsWith("委员会") ? "主任信箱" : $"{unit}信箱";
}
