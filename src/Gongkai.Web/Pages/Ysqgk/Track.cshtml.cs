using Gongkai.App.Tracking;
using Gongkai.App.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>The applicant's view by tracking code. The code is posted, never put in the URL, and look-ups are rate-limited.</summary>
[EnableRateLimiting(PublicForms.Policy)]
public class TrackModel(TrackingView view) : PageModel
{
    public string Code { get; private set; } = "";
    public TrackingView.Status? Status { get; private set; }
    public bool NoMatch { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(string? code)
    {
        Code = TrackingCode.Normalize(code);
        Status = Code.Length > 0 ? await view.FindAsync(Code) : null;
        NoMatch = Status is null;
    }
}
