using Gongkai.App.PageCache;
using Gongkai.App.Participation.Interviews;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Hdjl.Zxft;

/// <summary>/hdjl/zxft: online interviews (在线访谈) — upcoming, live, and past with their transcripts — with their question counts.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Participation])]
public class IndexModel(PublicInterviews interviews) : PageModel
{
    public IReadOnlyList<PublicInterviews.Item> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await interviews.ListAsync(HttpContext.RequestAborted);
}
