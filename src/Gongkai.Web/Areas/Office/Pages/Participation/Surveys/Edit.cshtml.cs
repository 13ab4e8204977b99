using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Surveys;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Surveys;

/// <summary>
/// /office/participation/surveys/edit[?id=]: a survey's title, introduction, period and questions, without JavaScript:
/// the form always has three empty question blocks more than the survey has (an empty block is ignored); options one per line.
/// </summary>
public class EditModel(OfficeSurveys surveys, SaveSurvey save, TimeProvider clock) : PageModel
{
    public const int SpareQuestions = 3;

    public sealed class QuestionForm
    {
        public string Text { get; set; } = "";
        public SurveyQuestionKind Kind { get; set; }
        public string Options { get; set; } = "";
        public bool Required { get; set; } = true;
    }

    public sealed class SurveyForm
    {
        public string Title { get; set; } = "";
        public string Introduction { get; set; } = "";
        public DateOnly OpensOn { get; set; }
        public DateOnly ClosesOn { get; set; }
        public List<QuestionForm> Questions { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SurveyForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.StaffScope().CanHandleParticipation)
            return Forbid();
        if (Id is { } id)
        {
            if (await surveys.FindAsync(id, HttpContext.StaffScope(), HttpContext.RequestAborted) is not { } s)
                return NotFound();
            Form = new SurveyForm
            {
                Title = s.Title,
                Introduction = s.Introduction,
                OpensOn = s.OpensOn,
                ClosesOn = s.ClosesOn,
                Questions = [.. s.Questions.Select(q => new QuestionForm { Text = q.Text, Kind = q.Kind, Options = string.Join("\n", q.Options), Required = q.Required })],
            };
        }
        else
        {
            var today = clock.Today();
            Form.OpensOn = today;
            Form.ClosesOn = today.AddDays(30);
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            this.ExplainBindingErrors();
            Pad();
            return Page();
        }
        var questions = Form.Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text) || !string.IsNullOrWhiteSpace(q.Options))
            .Select(q => new SaveSurvey.QuestionInput(q.Text, q.Kind, q.Options.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), q.Required))
            .ToList();
        var outcome = await save.HandleAsync(new(Id, Form.Title, Form.Introduction, Form.OpensOn, Form.ClosesOn, questions), HttpContext.StaffScope(), HttpContext.RequestAborted);
        var result = this.Finish(outcome, f => f.StartsWith("questions", StringComparison.Ordinal) ? "Form.Questions" : $"Form.{char.ToUpperInvariant(f.FirstOrDefault())}{(f.Length > 1 ? f[1..] : "")}",
            s => "调查已保存。", s => $"/office/participation/surveys/{s.Id}");
        if (result is not null)
            return result;
        Pad();
        return Page();
    }

    private void Pad()
    {
        for (var i = 0; i < SpareQuestions; i++)
            Form.Questions.Add(new QuestionForm());
    }
}
