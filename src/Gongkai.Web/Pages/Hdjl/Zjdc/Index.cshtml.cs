using Gongkai.App.Participation.Solicitations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Hdjl.Zjdc;

/// <summary>/hdjl/zjdc: 意见征集 and 调查 — open ones first, then upcoming and closed, each with its state and period.</summary>
public class IndexModel(PublicSolicitations solicitations) : PageModel
{
    public IReadOnlyList<PublicSolicitations.Row> Solicitations { get; private set; } = [];
    public IReadOnlyList<PublicSolicitations.SurveyRow> Surveys { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Solicitations = await solicitations.ListAsync(HttpContext.RequestAborted);
        Surveys = await solicitations.SurveysAsync(HttpContext.RequestAborted);
    }
}
