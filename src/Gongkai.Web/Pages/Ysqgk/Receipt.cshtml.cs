using Gongkai.App.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>
/// The receipt after submitting: the tracking code and what was submitted. The address carries a
/// <see cref="ReceiptToken"/> (never the id or the code), so a reload or a bookmark within its lifetime shows the same
/// receipt; without a valid token the page says so and points to /ysqgk/track.
/// </summary>
public class ReceiptModel(ReceiptToken tokens, ReadApplicationReceipt read) : PageModel
{
    public ReadApplicationReceipt.Receipt? Receipt { get; private set; }
    public int LifetimeHours => (int)Math.Round(tokens.Lifetime.TotalHours);

    public async Task<IActionResult> OnGetAsync(string? t)
    {
        Response.Headers.CacheControl = "no-store";
        Receipt = tokens.Unprotect(ReceiptToken.Application, t) is { } id ? await read.FindAsync(id) : null;
        if (Receipt is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
