using Gongkai.App;
using Gongkai.App.PageCache;
using Gongkai.App.Participation.Responses;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Jdhy;

/// <summary>/jdhy (解读回应): a year's 政策解读 (each with the policy it interprets and its forms), 新闻发布会 and 回应关切, each with its own anchor.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Catalog, PortalAreas.Participation])]
public class IndexModel(PublicResponses responses, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public PublicResponses.Page Result { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Result = await responses.ForYearAsync(Year is >= 2000 and <= 9999 ? Year.Value : clock.Today().Year);
}
