using System.Globalization;
using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Hdjl.Letters;

/// <summary>/hdjl/letters 公开选登: the published letters, searched with the catalog's semantics and filtered by mailbox, type and date (a plain GET form).</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Letters, PortalAreas.Search])]
public class IndexModel(GongkaiDb db, LetterSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mailbox { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    /// <summary>?page=, from the query string only: Razor Pages keep a route value named "page" (the page's path), which a
    /// bound property of that name would read instead, always staying on the first page.</summary>
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public LetterSearch.Result? Result { get; private set; }
    public List<string> Problems { get; } = [];
    public IReadOnlyList<(string Key, string Name)> Mailboxes { get; private set; } = [];

    /// <summary>A filter other than the words is set: the filters are shown unfolded.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Mailbox) || !string.IsNullOrEmpty(Type) || !string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Mailboxes = await LetterChoices.MailboxFilterAsync(db, ct);
        SearchQuery? query = null;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            (query, var problem) = SearchQuery.Parse(Q);
            if (problem is not null)
                Problems.Add(problem);
        }
        var (mailbox, mailboxProblem) = await LetterChoices.MailboxFilterKeyAsync(db, Mailbox, ct);
        if (mailboxProblem is not null)
            Problems.Add(mailboxProblem);
        var type = LetterTerms.ParseType(Type);
        if (!string.IsNullOrEmpty(Type) && type is null)
            Problems.Add("来信类型不正确。");
        var (from, fromProblem) = LetterChoices.Date(From, "起始日期");
        var (to, toProblem) = LetterChoices.Date(To, "截止日期");
        Problems.AddRange(new[] { fromProblem, toProblem }.OfType<string>());
        if (from > to)
            Problems.Add("起始日期不能晚于截止日期。");
        if (Problems.Count == 0)
            Result = await search.SearchAsync(query, new LetterSearch.Filter(mailbox, type, from, to), PageNumber, ct);
    }

    public string PageLink(int page) => "/hdjl/letters" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["mailbox"] = Mailbox,
        ["type"] = Type,
        ["from"] = From,
        ["to"] = To,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
