using Gongkai.App.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>
/// The letter number and the query code after sending, at an address with a <see cref="ReceiptToken"/> (never the code),
/// so a reload or a bookmark within its lifetime shows the same receipt; without a valid token the page points to /hdjl/track.
/// </summary>
public class ReceiptModel(ReceiptToken tokens, ReadLetterReceipt read) : PageModel
{
    public WriteLetter.Receipt? Receipt { get; private set; }
    public int LifetimeHours => (int)Math.Round(tokens.Lifetime.TotalHours);

    public async Task<IActionResult> OnGetAsync(string? t)
    {
        Response.Headers.CacheControl = "no-store";
        Receipt = tokens.Unprotect(ReceiptToken.Letter, t) is { } id ? await read.FindAsync(id) : null;
        if (Receipt is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
