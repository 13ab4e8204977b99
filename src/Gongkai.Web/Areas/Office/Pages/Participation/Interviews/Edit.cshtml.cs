using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Interviews;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Interviews;

/// <summary>
/// /office/participation/interviews/edit[?id=]: an interview's topic, introduction, time (China time) and guests, with two
/// empty guest rows more than it has (an empty row is ignored).
/// </summary>
public class EditModel(OfficeInterviews interviews, SaveInterview save, TimeProvider clock) : PageModel
{
    public const int SpareGuests = 2;

    public sealed class GuestForm
    {
        public string Name { get; set; } = "";
        public string Title { get; set; } = "";
        public bool Principal { get; set; }
    }

    public sealed class InterviewForm
    {
        public string Title { get; set; } = "";
        public string Introduction { get; set; } = "";

        /// <summary>China time, from a datetime-local field.</summary>
        public DateTime StartsAt { get; set; }
        public DateTime EndsAt { get; set; }
        public List<GuestForm> Guests { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InterviewForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.StaffScope().CanHandleParticipation)
            return Forbid();
        if (Id is { } id)
        {
            if (await interviews.FindAsync(id, HttpContext.StaffScope(), HttpContext.RequestAborted) is not { } i)
                return NotFound();
            Form = new InterviewForm
            {
                Title = i.Title,
                Introduction = i.Introduction,
                StartsAt = i.StartsAt.InChina(),
                EndsAt = i.EndsAt.InChina(),
                Guests = [.. i.Guests.Select(g => new GuestForm { Name = g.Name, Title = g.Title, Principal = g.Principal })],
            };
        }
        else
        {
            var start = clock.Today().AddDays(7).ToDateTime(new TimeOnly(10, 0));
            Form.StartsAt = start;
            Form.EndsAt = start.AddHours(1);
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            this.ExplainBindingErrors();
            Pad();
            return Page();
        }
        var guests = Form.Guests.Select(g => new Participant { Name = g.Name ?? "", Title = g.Title ?? "", Principal = g.Principal }).ToList();
        var outcome = await save.HandleAsync(new(Id, Form.Title, Form.Introduction, ToUtc(Form.StartsAt), ToUtc(Form.EndsAt), guests),
            HttpContext.StaffScope(), HttpContext.RequestAborted);
        var result = this.Finish(outcome, f => f.Length == 0 ? "" : $"Form.{char.ToUpperInvariant(f[0])}{f[1..]}", _ => "访谈已保存。", i => $"/office/participation/interviews/{i.Id}");
        if (result is not null)
            return result;
        Pad();
        return Page();
    }

    /// <summary>China time (UTC+8) to UTC.</summary>
    public static DateTime ToUtc(DateTime china) =>
        DateTime.SpecifyKind(china < DateTime.MinValue.AddHours(8) ? DateTime.MinValue : china.AddHours(-8), DateTimeKind.Utc);

    private void Pad()
    {
        for (var i = 0; i < SpareGuests; i++)
            Form.Guests.Add(new GuestForm());
    }
}
