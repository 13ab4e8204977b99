using Gongkai.App.Participation.Solicitations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Hdjl.Zjdc;

/// <summary>
/// /hdjl/zjdc/{id}: one solicitation — the draft by articles (each anchored, with a link to comment on it), the
/// explanation, files and period (with the reason when shortened), the comments shown, the comment form while open
/// (rate-limited, <see cref="PublicForms.Policy"/>), the notice after it closes, the feedback and the resulting policy.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public class SolicitationModel(PublicSolicitations solicitations, CommentOnSolicitation comment) : PageModel
{
    public sealed class Fields
    {
        /// <summary>The article number, or empty for the whole draft.</summary>
        public string Article { get; set; } = "";
        public string Content { get; set; } = "";
        public string Name { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Email { get; set; } = "";
    }

    [BindProperty] public Fields Input { get; set; } = new();

    public PublicSolicitations.Details? Solicitation { get; private set; }

    /// <summary>The comment just sent (after the redirect).</summary>
    [TempData] public bool Sent { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? article)
    {
        if ((Solicitation = await solicitations.FindAsync(id, HttpContext.RequestAborted)) is null)
            return NotFound();
        if (article is { } a)
            Input.Article = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        int? article = int.TryParse(Input.Article, out var n) ? n : null;
        var outcome = await comment.HandleAsync(new(id, article, Input.Content, Input.Name, Input.Phone, Input.Email), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Sent = true;
            return Redirect($"/hdjl/zjdc/{id}#comment-form");
        }
        if ((Solicitation = await solicitations.FindAsync(id, HttpContext.RequestAborted)) is null)
            return NotFound();
        foreach (var p in outcome.Problems)
            ModelState.AddModelError(p.Field == CommentOnSolicitation.PeriodField ? "" : "Input." + char.ToUpperInvariant(p.Field[0]) + p.Field[1..], p.Message);
        if (outcome.Problems.Any(p => p.Field == CommentOnSolicitation.PeriodField))
            Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
