using Gongkai.App;
using Gongkai.App.Letters;
using Gongkai.App.Tracking;
using Gongkai.Core.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>
/// /hdjl/track 来信查询: the writer's view by query code — state, answering unit, dates, answer, never personal data —
/// with the rating form while the rating window is open, and once, after 不满意, the request to handle it again.
/// The code is posted, never put in a URL; after a rating the page redirects with the code kept in TempData. Every
/// post is rate-limited per client address.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public class TrackModel(TrackLetter track, RateLetter rate) : PageModel
{
    public string Code { get; private set; } = "";
    public TrackLetter.View? View { get; private set; }
    public bool NoMatch { get; private set; }
    public string? Notice { get; private set; }
    public string Rating { get; private set; } = "";
    public string Comment { get; private set; } = "";
    public string Reason { get; private set; } = "";

    public async Task OnGetAsync()
    {
        if (TempData["LetterTrack"] is not string code)
            return;
        Notice = TempData["LetterTrackNotice"] as string;
        await FindAsync(code);
    }

    public async Task OnPostAsync(string? code) => await FindAsync(code);

    public async Task<IActionResult> OnPostRateAsync(string? code, string? rating, string? comment)
    {
        (Rating, Comment) = (rating ?? "", comment ?? "");
        var chosen = LetterTerms.ParseChinese<LetterRating>(rating, r => r.ChineseName());
        var outcome = chosen is { } r ? await rate.RateAsync(code ?? "", r, comment ?? "", HttpContext.RequestAborted)
            : Outcome<LetterState>.Invalid("rating", "请选择评价：满意、基本满意或不满意。");
        return await AfterAsync(code, outcome, chosen is { } c ? $"感谢您的评价（{c.ChineseName()}）。" : "");
    }

    public async Task<IActionResult> OnPostReopenAsync(string? code, string? reason)
    {
        Reason = reason ?? "";
        var outcome = await rate.ReopenAsync(code ?? "", reason ?? "", HttpContext.RequestAborted);
        return await AfterAsync(code, outcome, "已收到您的再次办理申请，来信将重新办理，答复期限重新计算。");
    }

    private async Task<IActionResult> AfterAsync(string? code, Outcome<LetterState> outcome, string notice)
    {
        if (outcome.Succeeded)
        {
            TempData["LetterTrack"] = TrackingCode.Normalize(code);
            TempData["LetterTrackNotice"] = notice;
            return Redirect("/hdjl/track");
        }
        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(problem.Field switch { "rating" => nameof(Rating), "reason" => nameof(Reason), var f => f }, problem.Message);
        await FindAsync(code);
        return Page();
    }

    private async Task FindAsync(string? code)
    {
        Code = TrackingCode.Normalize(code);
        View = Code.Length > 0 ? await track.FindAsync(Code, HttpContext.RequestAborted) : null;
        NoMatch = View is null;
    }
}
