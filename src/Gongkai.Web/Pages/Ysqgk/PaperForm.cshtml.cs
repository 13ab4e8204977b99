using Gongkai.App.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>The paper application form for 当面/信函 applicants: /ysqgk/form.docx.</summary>
public class PaperFormModel : PageModel
{
    public IActionResult OnGet(string format)
    {
        if (format != "docx")
            return NotFound();
        var buffer = new MemoryStream();
        ApplicationPaperForm.WriteDocx(buffer);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ApplicationPaperForm.FileName);
    }
}

/// <summary>Which formats of the paper form the site offers.</summary>
public static class PaperForm
{
    public static bool HasPdf => false;
}
