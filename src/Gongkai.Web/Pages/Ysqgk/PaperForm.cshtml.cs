using Gongkai.App.Applications;
using Gongkai.App.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>The paper application form for 当面/信函 applicants: /ysqgk/form.docx, and /ysqgk/form.pdf where the machine has a font for it.</summary>
public class PaperFormModel : PageModel
{
    public IActionResult OnGet(string format)
    {
        var buffer = new MemoryStream();
        switch (format)
        {
            case "docx":
                ApplicationPaperForm.WriteDocx(buffer);
                buffer.Position = 0;
                return File(buffer, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ApplicationPaperForm.FileName);
            case "pdf" when ApplicationPaperFormPdf.Write(buffer):
                buffer.Position = 0;
                return File(buffer, "application/pdf", ApplicationPaperFormPdf.FileName);
            default:
                return NotFound();
        }
    }
}

/// <summary>Which formats of the paper form the site offers.</summary>
public static class PaperForm
{
    /// <summary>A PDF is offered when the machine has a TrueType font with the Chinese characters (<see cref="PdfCjkFont"/>).</summary>
    public static bool HasPdf => PdfCjkFont.Available;
}
