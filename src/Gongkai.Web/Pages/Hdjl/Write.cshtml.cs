using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>
/// /hdjl/write/{mailbox}: writing to a mailbox (its unit's code) or to 我为政府网站找错 (<c>zhaocuo</c>), without
/// JavaScript. Step 1 takes the subject and content (<c>Check</c>); step 2 shows published answers and catalog items
/// like them, where the writer may stop (<c>Stop</c>, counted) or fill in the rest and send (<c>Send</c>). Sending is
/// rate-limited per client address (<see cref="PublicForms.LetterPolicy"/>); the receipt follows a redirect to an
/// address with a <see cref="ReceiptToken"/>, so the query code never appears in a URL and a reload shows the same receipt.
/// </summary>
[EnableRateLimiting(PublicForms.LetterPolicy)]
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody)]
public class WriteModel(GongkaiDb db, WriteLetter write, StopAfterSuggestions stop, LetterSearch letters, CatalogSearch catalog, ReceiptToken tokens) : PageModel
{
    /// <summary>Five files of the largest size, and the form around them.</summary>
    public const long MaxBody = WriteLetter.MaxFiles * WriteLetter.MaxFileBytes + 1024 * 1024;

    public enum Step
    {
        /// <summary>Subject and content only.</summary>
        Draft,
        /// <summary>Similar answers, then the whole form.</summary>
        Suggestions,
        /// <summary>The whole form (nothing similar was found, or it came back with problems).</summary>
        Form,
    }

    /// <summary>The form's fields; problems come back by the API's JSON names (subject → Input.Subject).</summary>
    public sealed class Fields
    {
        public string Type { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Content { get; set; } = "";
        public string Name { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Email { get; set; } = "";
        public string PageUrl { get; set; } = "";
        public bool PublishConsent { get; set; }
    }

    [BindProperty] public Fields Input { get; set; } = new();

    /// <summary>Set on the form of step 2 when similar answers were shown: a letter sent from it is counted as sent anyway.</summary>
    [BindProperty] public bool SuggestionsShown { get; set; }

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Mailbox? Box { get; private set; }
    public string MailboxKey { get; private set; } = "";
    public bool ErrorChannel => MailboxKey == WriteLetter.ErrorChannel;
    public Step Shown { get; private set; } = Step.Draft;
    public IReadOnlyList<LetterSearch.Hit> SimilarLetters { get; private set; } = [];
    public IReadOnlyList<CatalogSearch.Hit> CatalogItems { get; private set; } = [];

    /// <summary>Files were chosen but the letter came back with problems: a browser cannot keep them, they must be chosen again.</summary>
    public bool FilesDropped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string mailbox) => await FindAsync(mailbox) ? Page() : Closed();

    public async Task<IActionResult> OnPostCheckAsync(string mailbox)
    {
        if (!await FindAsync(mailbox))
            return Closed();
        var problems = Letter(LetterType.SiteError).Problems(ErrorChannel).Where(p => p.Field is "subject" or "content").ToList();
        if (problems.Count > 0)
        {
            Show(problems.Select(p => new App.Problem(p.Field, p.Message)));
            return Page();
        }
        var ct = HttpContext.RequestAborted;
        SimilarLetters = await letters.SimilarAsync(Input.Subject, Input.Content, ct: ct);
        CatalogItems = await CatalogItemsAsync(ct);
        SuggestionsShown = SimilarLetters.Count + CatalogItems.Count > 0;
        Shown = SuggestionsShown ? Step.Suggestions : Step.Form;
        ModelState.Clear();   // step 2 starts clean: the checkbox and the type come from this page, not the last post
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(string mailbox)
    {
        var outcome = await stop.HandleAsync(mailbox, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
            return Closed();
        TempData["LetterResolved"] = outcome.Value;
        return Redirect("/hdjl/resolved");
    }

    public async Task<IActionResult> OnPostSendAsync(string mailbox)
    {
        if (!await FindAsync(mailbox))
            return Closed();
        var ct = HttpContext.RequestAborted;
        var chosen = Files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var uploads = new List<LetterUpload>();
        foreach (var file in chosen.Take(WriteLetter.MaxFiles + 1))
            uploads.Add(new LetterUpload(file.FileName, await file.ReadAllAsync(ct)));   // the request's size limit bounds them
        var type = ErrorChannel ? LetterType.SiteError : LetterTerms.ParseType(Input.Type) is { } t && t != LetterType.SiteError ? t : (LetterType?)null;
        var outcome = await write.HandleAsync(MailboxKey, Letter(type ?? LetterType.SiteError), uploads, SuggestionsShown, ct);
        if (outcome.Succeeded)
        {
            return Redirect("/hdjl/receipt?t=" + Uri.EscapeDataString(tokens.Protect(ReceiptToken.Letter, outcome.Value!.Id)));
        }
        // A page address belongs to the error channel only (a type left unchosen is checked as 找错, which asks for one).
        Show(outcome.Problems.Where(p => ErrorChannel || p.Field != "pageUrl"));
        FilesDropped = chosen.Count > 0;
        Shown = Step.Form;
        return Page();
    }

    /// <summary>The type as chosen (a mailbox's type, or 找错 on the error channel); anything else is refused by the rules.</summary>
    private LetterRequest Letter(LetterType type) => new()
    {
        Type = type,
        Subject = Input.Subject,
        Content = Input.Content,
        Name = Input.Name,
        Phone = Input.Phone,
        Email = Input.Email,
        PageUrl = Input.PageUrl,
        PublishConsent = Input.PublishConsent,
    };

    private void Show(IEnumerable<App.Problem> problems)
    {
        foreach (var p in problems)
        {
            var key = p.Field switch
            {
                "files" => nameof(Files),
                "mailbox" or "" => "",
                var f => $"{nameof(Input)}.{char.ToUpperInvariant(f[0])}{f[1..]}",
            };
            ModelState.AddModelError(key, p.Message);
        }
    }

    /// <summary>
    /// Catalog items that may answer the letter: the two most telling words of the letter together, else each word
    /// alone, most telling first — so that something relevant shows when two words are rarely found together.
    /// </summary>
    private async Task<IReadOnlyList<CatalogSearch.Hit>> CatalogItemsAsync(CancellationToken ct)
    {
        var words = LetterWords.Salient($"{Input.Subject} {Input.Content}", max: 4);
        var attempts = words.Select(w => new[] { w }).ToList();
        if (words.Count >= 2)
            attempts.Insert(0, [words[0], words[1]]);
        try
        {
            foreach (var attempt in attempts)
            {
                var found = await catalog.SearchAsync(new SearchQuery(attempt, [], null, null), new CatalogSearch.Filter(), 1, ct);
                if (found.Hits.Count > 0)
                    return [.. found.Hits.Take(5)];
            }
        }
        catch (SearchUnavailableException)
        {
            // The index is being rebuilt: the writer goes on without catalog suggestions.
        }
        return [];
    }

    private async Task<bool> FindAsync(string mailbox)
    {
        Box = await WriteLetter.FindMailboxAsync(db, mailbox, HttpContext.RequestAborted);
        if (Box is null)
            return false;
        MailboxKey = string.Equals(mailbox.Trim(), WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase) ? WriteLetter.ErrorChannel : Box.Unit.Code;
        return true;
    }

    /// <summary>A closed or unknown mailbox: 404 with its own Chinese page.</summary>
    private IActionResult Closed()
    {
        Box = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
