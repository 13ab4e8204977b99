using Gongkai.App;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office;

/// <summary>How an office form page answers a use case's outcome.</summary>
internal static class OutcomePages
{
    /// <summary>
    /// Done: a message and a redirect; missing or outside the scope: 404; refused: 403. Invalid input returns null
    /// after putting each problem on its field of <paramref name="form"/>, so the page shows the form again.
    /// </summary>
    public static IActionResult? Finish<T>(this PageModel page, Outcome<T> outcome, string form, Func<T, string> done, string next)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                page.TempData["Message"] = done(outcome.Value!);
                return new RedirectResult(next);
            case OutcomeKind.Missing:
                return new NotFoundResult();
            case OutcomeKind.Denied:
                return new ForbidResult();
        }
        foreach (var problem in outcome.Problems)
            page.ModelState.AddModelError($"{form}.{problem.Field}", problem.Message);
        return null;
    }
}
