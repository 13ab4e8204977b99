using Gongkai.App.Documents;
using Gongkai.App.Letters;
using Gongkai.Core.Documents;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Letters;

/// <summary>来信答复意见书 as a printable page, or as a DOCX file in the official layout (<see cref="LetterNotices"/>).</summary>
public class NoticeModel(LetterNotices notices) : PageModel
{
    public Notice Notice { get; private set; } = null!;
    public bool Draft { get; private set; }
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await notices.FindAsync(id, HttpContext.StaffScope()) is not { } found)
            return NotFound();
        (Notice, Draft, Id) = (found.Notice, found.Draft, id);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id)
    {
        if (await notices.FindAsync(id, HttpContext.StaffScope()) is not { } found)
            return NotFound();
        var buffer = new MemoryStream();
        NoticeDocument.WriteDocx(found.Notice, buffer);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"{found.Notice.Title}-{found.Notice.DocumentNumber.Split('：')[^1]}.docx");
    }
}
