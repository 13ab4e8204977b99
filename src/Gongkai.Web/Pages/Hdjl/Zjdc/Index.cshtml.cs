using Gongkai.App.PageCache;
using Gongkai.App.Participation.Solicitations;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Hdjl.Zjdc;

/// <summary>/hdjl/zjdc: 意见征集 and 调查 — open ones first, then upcoming and closed (20 closed a page), each with its state and period.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Participation])]
public class IndexModel(PublicSolicitations solicitations) : PageModel
{
    public PublicSolicitations.Listing Listing { get; private set; } = null!;
    public IReadOnlyList<PublicSolicitations.Row> Solicitations => Listing.Rows;
    public IReadOnlyList<PublicSolicitations.SurveyRow> Surveys { get; private set; } = [];

    /// <summary>?page=, from the query string only (Razor Pages keep a route value named "page").</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync()
    {
        Listing = await solicitations.ListAsync(PageNumber, HttpContext.RequestAborted);
        Surveys = await solicitations.SurveysAsync(HttpContext.RequestAborted);
    }
}
