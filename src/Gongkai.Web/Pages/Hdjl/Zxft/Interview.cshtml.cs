using Gongkai.App;
using Gongkai.App.Participation.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Hdjl.Zxft;

/// <summary>
/// /hdjl/zxft/{id}: one interview — introduction, guests, the question form while it takes questions (rate-limited per
/// address, <see cref="PublicForms.Policy"/>), the questions staff chose to show with the guests' answers, and the
/// transcript with its pictures (captions as alternative text) once published.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public class InterviewModel(PublicInterviews interviews, AskQuestion ask) : PageModel
{
    public sealed class Fields
    {
        public string Name { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Email { get; set; } = "";
        public string Content { get; set; } = "";
    }

    [BindProperty] public Fields Input { get; set; } = new();

    public PublicInterviews.Details Interview { get; private set; } = null!;
    public bool TakesQuestions { get; private set; }
    public bool Sent { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Sent = TempData["QuestionSent"] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var outcome = await ask.HandleAsync(new(id, Input.Name, Input.Phone, Input.Email, Input.Content), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["QuestionSent"] = true;
            return Redirect($"/hdjl/zxft/{id}#ask");
        }
        if (outcome.Kind == OutcomeKind.Missing)
            return NotFound();
        ModelState.Clear();
        foreach (var p in outcome.Problems)
        {
            if (p.Field == AskQuestion.ClosedField)
                Refusal = p.Message;
            else
                ModelState.AddModelError($"Input.{char.ToUpperInvariant(p.Field[0])}{p.Field[1..]}", p.Message);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await interviews.GetAsync(id, HttpContext.RequestAborted) is not { } details)
            return false;
        Interview = details;
        TakesQuestions = details.Summary.Stage is InterviewStage.Upcoming or InterviewStage.Live;
        return true;
    }
}
