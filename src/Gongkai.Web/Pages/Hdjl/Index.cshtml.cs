using Gongkai.App.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>/hdjl 互动交流: the open mailboxes, the website-error channel, and the ways to the query page, the published letters and the statistics.</summary>
public class IndexModel(GongkaiDb db) : PageModel
{
    public IReadOnlyList<LetterChoices.MailboxChoice> Mailboxes { get; private set; } = [];

    public async Task OnGetAsync() => Mailboxes = await LetterChoices.OpenMailboxesAsync(db, HttpContext.RequestAborted);
}
