using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Responses;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Conferences;

/// <summary>Records a press conference, or changes or deletes one (each step in the participation log, shown below the form).</summary>
public class RecordModel(GongkaiDb db, OfficeResponses records, RecordPressConference record, DeleteResponseRecord delete, ParticipationLog log) : PageModel
{
    public sealed class SpeakerForm
    {
        public string Name { get; set; } = "";
        public string Title { get; set; } = "";
        public bool Principal { get; set; }
    }

    public const int SpeakerRows = 6;

    [BindProperty] public string UnitCode { get; set; } = "";
    [BindProperty] public DateOnly HeldOn { get; set; }
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Summary { get; set; } = "";
    [BindProperty] public List<SpeakerForm> Speakers { get; set; } = [];
    [BindProperty] public bool PrincipalAttended { get; set; }

    /// <summary>索引号 of linked catalog items, one a line.</summary>
    [BindProperty] public string Items { get; set; } = "";
    [BindProperty] public string Reason { get; set; } = "";
    public Guid? Id { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<ParticipationLogEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanHandleParticipation)
            return Forbid();
        if (id is { } existing)
        {
            if (await records.ConferenceAsync(scope, existing) is not { } c)
                return NotFound();
            (UnitCode, HeldOn, Title, Summary, PrincipalAttended, Items) = (c.UnitCode, c.HeldOn, c.Title, c.Summary, c.PrincipalAttended, string.Join("\n", c.ItemIndexNumbers));
            Speakers = [.. c.Speakers.Select(s => new SpeakerForm { Name = s.Name, Title = s.Title, Principal = s.Principal })];
        }
        else
            HeldOn = log.Today;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var scope = HttpContext.StaffScope();
        var outcome = await record.HandleAsync(new(id, UnitCode, HeldOn, Title, Summary,
            [.. Speakers.Select(s => new RecordPressConference.Speaker(s.Name ?? "", s.Title ?? "", s.Principal))], PrincipalAttended,
            Lines(Items)), scope);
        if (this.Finish(outcome, f => f, c => id is null ? $"已记录新闻发布会“{c.Title}”。" : "已保存修改。", _ => "/office/participation/conferences") is { } done)
            return done;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var outcome = await delete.HandleAsync(new(ParticipationKind.PressConference, id, Reason), HttpContext.StaffScope());
        if (this.Finish(outcome, f => f, _ => "已删除该新闻发布会记录。", _ => "/office/participation/conferences") is { } done)
            return done;
        await LoadAsync(id);
        return Page();
    }

    public static List<string> Lines(string? text) => [.. (text ?? "").Split('\n', '\r', ',', '，', '；', ';').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private async Task LoadAsync(Guid? id)
    {
        Id = id;
        Units = await UnitChoices.InScopeAsync(db, HttpContext.StaffScope(), r => r.Code);
        while (Speakers.Count < SpeakerRows)
            Speakers.Add(new SpeakerForm());
        if (id is { } existing)
            History = await log.HistoryAsync(ParticipationKind.PressConference, existing);
    }
}
