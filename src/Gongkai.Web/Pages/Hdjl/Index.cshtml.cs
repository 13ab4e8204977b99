using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.PageCache;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>/hdjl 互动交流: the open mailboxes, the website-error channel, and the ways to the query page, the published letters and the statistics.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Letters])]
public class IndexModel(GongkaiDb db, LetterSettings settings) : PageModel
{
    /// <summary>Working days within which a website error is answered (configuration).</summary>
    public int SiteErrorDays => settings.TimeLimits.For(Core.Letters.LetterType.SiteError);

    public IReadOnlyList<LetterChoices.MailboxChoice> Mailboxes { get; private set; } = [];

    public async Task OnGetAsync() => Mailboxes = await LetterChoices.OpenMailboxesAsync(db, HttpContext.RequestAborted);
}
