using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>Shows the tracking code once, after the redirect from the form (it never appears in a URL).</summary>
public class ReceiptModel : PageModel
{
    public string TrackingCode { get; private set; } = "";
    public DateOnly? DueOn { get; private set; }

    public IActionResult OnGet()
    {
        if (TempData["Receipt"] is not string code)
            return Redirect("/ysqgk/track");
        TrackingCode = code;
        DueOn = TempData["ReceiptDue"] is int day ? DateOnly.FromDayNumber(day) : null;
        return Page();
    }
}
