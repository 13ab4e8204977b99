using Gongkai.App.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation;

/// <summary>政民互动: what is open and what waits on the office, with the way to each desk (<see cref="ParticipationOverview"/>).</summary>
public class IndexModel(ParticipationOverview overview) : PageModel
{
    public ParticipationOverview.Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync() => Figures = await overview.HandleAsync(HttpContext.StaffScope());
}
