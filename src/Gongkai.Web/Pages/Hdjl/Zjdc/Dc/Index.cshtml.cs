using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Hdjl.Zjdc.Dc;

/// <summary>
/// /hdjl/zjdc/dc/{id}: one survey (调查). While open, the questionnaire (radio buttons, check boxes, text areas; no
/// JavaScript) — answered once per browser by the voter cookie (<see cref="AnswerSurvey"/>, best effort, not identity),
/// the answer rate-limited per address (<see cref="PublicForms.Policy"/>); after its period a closed notice; once the
/// office publishes the results, the counts as charts and tables.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public class IndexModel(GongkaiDb db, AnswerSurvey answer, TimeProvider clock) : PageModel
{
    /// <summary>The cookie holding this browser's random voter token (HttpOnly, a year, only under /hdjl/zjdc).</summary>
    public const string VoterCookie = "gk_voter";

    public Survey Survey { get; private set; } = null!;
    public SurveyStage Stage { get; private set; }
    public bool AlreadyAnswered { get; private set; }
    public bool Thanks { get; private set; }
    public SurveyResults? Results { get; private set; }

    /// <summary>What was posted, by question position, to show the form again with the choices kept.</summary>
    public Dictionary<int, AnswerSurvey.Answer> Posted { get; } = [];

    /// <summary>Why the answer was refused as a whole (closed, answered already), when it was.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Thanks = TempData["SurveyThanks"] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var token = Request.Cookies[VoterCookie];
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            token = AnswerSurvey.NewToken();
            Response.Cookies.Append(VoterCookie, token, new CookieOptions
            {
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/hdjl/zjdc",
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        }
        for (var i = 0; i < Survey.Questions.Count; i++)
        {
            var values = Request.Form[$"a{i}"];
            if (Survey.Questions[i].Kind == SurveyQuestionKind.Text)
                Posted[i] = new([], values.FirstOrDefault() ?? "");
            else
                Posted[i] = new([.. values.Select(v => int.TryParse(v, out var n) ? n : -1)]);
        }
        var outcome = await answer.HandleAsync(new(id, token, Posted), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["SurveyThanks"] = true;
            return Redirect($"/hdjl/zjdc/dc/{id}#thanks");
        }
        if (outcome.Kind == OutcomeKind.Missing)
            return NotFound();
        foreach (var p in outcome.Problems)
        {
            if (p.Field is AnswerSurvey.PeriodField or AnswerSurvey.VoterField)
                Refusal = p.Message;
            else
                ModelState.AddModelError(p.Field, p.Message);
        }
        AlreadyAnswered = outcome.Problems.Any(p => p.Field == AnswerSurvey.VoterField);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await SurveyStages.FindPublicAsync(db, id, ct) is not { } survey)
            return false;
        Survey = survey;
        Stage = SurveyStages.Of(survey, clock.Today());
        if (Stage == SurveyStage.ResultsPublished)
            Results = await SurveyResults.CountAsync(db, survey, withText: false, ct);
        else if (Stage == SurveyStage.Open)
            AlreadyAnswered = await answer.HasAnsweredAsync(id, Request.Cookies[VoterCookie], ct);
        return true;
    }

    public bool Chosen(int question, int option) => Posted.TryGetValue(question, out var a) && a.Options.Contains(option);

    public string Text(int question) => Posted.TryGetValue(question, out var a) ? a.Text : "";
}
