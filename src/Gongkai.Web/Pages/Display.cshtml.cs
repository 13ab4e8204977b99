using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// /display?elder=on|off or ?size=large|medium|small, with return=/the/page: sets the display preference in a cookie for a
/// year and goes back to the page — a local address only (anything else, an absolute or protocol-relative address
/// included, goes to the home page), so the switch cannot send anyone elsewhere. Works with links alone, no script.
/// </summary>
public class DisplayModel : PageModel
{
    public IActionResult OnGet(string? elder, string? size, [FromQuery(Name = "return")] string? returnUrl)
    {
        var options = new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        };
        if (elder is "on")
            Response.Cookies.Append(DisplayPreferences.ElderCookie, "on", options);
        else if (elder is "off")
            Response.Cookies.Delete(DisplayPreferences.ElderCookie, new CookieOptions { Path = "/" });
        if (size is "large" or "small")
            Response.Cookies.Append(DisplayPreferences.SizeCookie, size, options);
        else if (size is "medium")
            Response.Cookies.Delete(DisplayPreferences.SizeCookie, new CookieOptions { Path = "/" });
        return LocalRedirect(IsSafeReturn(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>A path on this site: starts with one slash, no scheme, no second slash or backslash (//evil.example, /\evil.example).</summary>
    private bool IsSafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) && !url.StartsWith("/display", StringComparison.OrdinalIgnoreCase);
}
