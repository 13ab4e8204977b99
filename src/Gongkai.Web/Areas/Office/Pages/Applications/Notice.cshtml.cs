using Gongkai.App.Documents;
using Gongkai.Core.Documents;
using Gongkai.App.Applications;
using Gongkai.Core.Applications;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Applications;

/// <summary>A notice as a printable page, or as a DOCX file in the official layout.</summary>
public class NoticeModel(ApplicationNotices notices) : PageModel
{
    public Notice Notice { get; private set; } = null!;
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int sequence)
    {
        if (await notices.FindAsync(id, sequence, HttpContext.StaffScope()) is not { } notice)
            return NotFound();
        (Notice, Id) = (notice, id);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, int sequence)
    {
        if (await notices.FindAsync(id, sequence, HttpContext.StaffScope()) is not { } notice)
            return NotFound();
        var buffer = new MemoryStream();
        NoticeDocument.WriteDocx(notice, buffer);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{notice.Title}-{sequence}.docx");
    }
}
