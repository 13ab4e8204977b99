using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Responses;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Responses;

/// <summary>Records a response to a public concern, or changes or deletes one; times are typed in China time.</summary>
public class RecordModel(GongkaiDb db, OfficeResponses records, RecordResponseEvent record, DeleteResponseRecord delete, ParticipationLog log) : PageModel
{
    [BindProperty] public string UnitCode { get; set; } = "";
    [BindProperty] public string Concern { get; set; } = "";
    [BindProperty] public DateTime AroseAt { get; set; }
    [BindProperty] public ResponseChannel Channel { get; set; }
    [BindProperty] public DateTime RespondedAt { get; set; }
    [BindProperty] public string Answer { get; set; } = "";
    [BindProperty] public Guid? PressConferenceId { get; set; }
    [BindProperty] public string Items { get; set; } = "";
    [BindProperty] public string Reason { get; set; } = "";
    public Guid? Id { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Conferences { get; private set; } = [];
    public IReadOnlyList<ParticipationLogEntry> History { get; private set; } = [];
    public static IEnumerable<SelectListItem> Channels => Enum.GetValues<ResponseChannel>().Select(c => new SelectListItem(c.ChineseName(), c.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanHandleParticipation)
            return Forbid();
        if (id is { } existing)
        {
            if (await records.ResponseAsync(scope, existing) is not { } r)
                return NotFound();
            (UnitCode, Concern, AroseAt, Channel, RespondedAt) = (r.UnitCode, r.Concern, r.AroseAt.InChina(), r.Channel, r.RespondedAt.InChina());
            (Answer, PressConferenceId, Items) = (r.Response, r.PressConferenceId, string.Join("\n", r.ItemIndexNumbers));
        }
        else
            (AroseAt, RespondedAt) = (log.Now.InChina().AddHours(-2), log.Now.InChina());
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var outcome = await record.HandleAsync(new(id, UnitCode, Concern, DateTime.SpecifyKind(AroseAt, DateTimeKind.Unspecified), Channel,
            DateTime.SpecifyKind(RespondedAt, DateTimeKind.Unspecified), Answer, PressConferenceId, Pages.Participation.Conferences.RecordModel.Lines(Items)), HttpContext.StaffScope());
        if (this.Finish(outcome, f => f, r => id is null ? $"已记录回应“{r.Concern}”。" : "已保存修改。", _ => "/office/participation/responses") is { } done)
            return done;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var outcome = await delete.HandleAsync(new(ParticipationKind.Response, id, Reason), HttpContext.StaffScope());
        if (this.Finish(outcome, f => f, _ => "已删除该回应记录。", _ => "/office/participation/responses") is { } done)
            return done;
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(Guid? id)
    {
        Id = id;
        var scope = HttpContext.StaffScope();
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
        Conferences = [.. (await records.ConferencesAsync(scope)).Take(100).Select(c => new SelectListItem($"{c.HeldOn:yyyy-MM-dd} {c.Title}", c.Id.ToString()))];
        if (id is { } existing)
            History = await log.HistoryAsync(ParticipationKind.Response, existing);
    }
}
