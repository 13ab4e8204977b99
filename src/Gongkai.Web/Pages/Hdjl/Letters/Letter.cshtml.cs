using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.PageCache;
using Gongkai.Core.Letters;
using Gongkai.Core.Privacy;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Hdjl.Letters;

/// <summary>/hdjl/letters/{number}: one published letter (公开选登) as the office published it, the writer's name masked (张**), with both dates.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Letters])]
public class LetterModel(GongkaiDb db) : PageModel
{
    public sealed record Published(string Number, string Subject, string Writer, string Mailbox, LetterType Type, DateOnly ReceivedOn, DateOnly AnsweredOn,
        string Content, string AnsweringUnit, string Answer);

    public Published? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number)
    {
        var row = await db.Letters.AsNoTracking().Where(l => l.Published && l.Number == number)
            .Select(l => new
            {
                l.Number,
                l.PublishedSubject,
                l.WriterName,
                l.Channel,
                l.MailboxUnitId,
                MailboxUnit = l.MailboxUnit.ShortName,
                l.Type,
                l.ReceivedOn,
                l.AnsweredOn,
                l.PublishedContent,
                Unit = l.Unit.FullName,
                l.PublishedAnswer,
            })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (row is null || row.AnsweredOn is not { } answered)
            return NotFound();
        var mailbox = row.Channel == LetterChannel.SiteError ? LetterChoices.ErrorChannelName
            : await db.Mailboxes.Where(m => m.UnitId == row.MailboxUnitId).Select(m => m.Name).SingleOrDefaultAsync(HttpContext.RequestAborted) ?? row.MailboxUnit;
        Letter = new Published(row.Number, row.PublishedSubject, NameMask.Mask(row.WriterName), mailbox, row.Type, row.ReceivedOn, answered,
            row.PublishedContent, row.Unit, row.PublishedAnswer);
        return Page();
    }
}
