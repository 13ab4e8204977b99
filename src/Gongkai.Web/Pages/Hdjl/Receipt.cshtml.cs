using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>Shows the letter number and the query code once, after the redirect from the form (the code never appears in a URL).</summary>
public class ReceiptModel : PageModel
{
    public string Number { get; private set; } = "";
    public string QueryCode { get; private set; } = "";
    public string Mailbox { get; private set; } = "";
    public DateOnly DueOn { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData["LetterCode"] is not string code || TempData["LetterNumber"] is not string number || TempData["LetterDue"] is not int due)
            return Redirect("/hdjl/track");
        (QueryCode, Number, DueOn) = (code, number, DateOnly.FromDayNumber(due));
        Mailbox = TempData["LetterMailbox"] as string ?? "";
        return Page();
    }
}
