using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// Opens, closes or changes a unit's mailbox (市长信箱、局长信箱): its name, its introduction (what it takes and what
/// goes elsewhere), whether it is open, its place in the list. Administrators and letter officers of the unit (or of
/// a unit above it) may; each change is recorded on the actor's account record with what changed.
/// </summary>
public sealed class SaveMailbox(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(string UnitCode, string Name, string Introduction, bool IsOpen, int SortOrder = 0);

    public const int MaxName = 50;
    public const int MaxIntroduction = 2000;

    public async Task<Outcome<Mailbox>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleLetters)
            return Outcome<Mailbox>.Denied("只有管理员或互动交流人员可以设置信箱。");
        var unit = OrganisationCode.TryParse(input.UnitCode ?? "", out var code, out _)
            ? await db.Units.SingleOrDefaultAsync(u => u.Code == code!.Value, ct) : null;
        if (unit is null || !actor.Covers(unit.Path))
            return Outcome<Mailbox>.Missing("找不到该单位，或该单位不在您的管辖范围内。");

        var name = (input.Name ?? "").Trim();
        var introduction = (input.Introduction ?? "").Trim();
        var problems = new List<Problem>();
        if (name.Length is < 2 or > MaxName)
            problems.Add(new(nameof(Input.Name), $"请填写信箱名称（2 至 {MaxName} 字），如“市长信箱”“局长信箱”。"));
        if (introduction.Length > MaxIntroduction)
            problems.Add(new(nameof(Input.Introduction), $"信箱说明不能超过 {MaxIntroduction} 字。"));
        if (input.SortOrder is < 0 or > 9999)
            problems.Add(new(nameof(Input.SortOrder), "排序号应为 0 至 9999 之间的整数。"));
        if (problems.Count == 0 && await db.Mailboxes.AnyAsync(m => m.Name == name && m.UnitId != unit.Id, ct))
            problems.Add(new(nameof(Input.Name), $"已有名为“{name}”的信箱，请换一个名称（如加上单位简称）。"));
        if (problems.Count > 0)
            return Outcome<Mailbox>.Invalid(problems);

        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(m => m.UnitId == unit.Id, ct);
        var changes = new List<string>();
        if (mailbox is null)
        {
            mailbox = new Mailbox { UnitId = unit.Id };
            db.Mailboxes.Add(mailbox);
            changes.Add("开设信箱");
        }
        else
        {
            if (mailbox.Name != name)
                changes.Add($"名称：{mailbox.Name} → {name}");
            if (mailbox.Introduction != introduction)
                changes.Add("修改说明");
            if (mailbox.IsOpen != input.IsOpen)
                changes.Add(input.IsOpen ? "开放" : "关闭");
            if (mailbox.SortOrder != input.SortOrder)
                changes.Add($"排序：{mailbox.SortOrder} → {input.SortOrder}");
        }
        if (changes.Count == 0)
            return Outcome<Mailbox>.Done(mailbox);
        (mailbox.Name, mailbox.Introduction, mailbox.IsOpen, mailbox.SortOrder) = (name, introduction, input.IsOpen, input.SortOrder);
        StaffAccountLogEntry.AppendOwn(db, actor, StaffAccountAction.MailboxChanged, clock,
            $"{unit.FullName}（{unit.Code}）的信箱“{name}”：{string.Join("；", changes)}{(input.IsOpen ? "" : "（已关闭）")}");
        await db.SaveChangesAsync(ct);
        return Outcome<Mailbox>.Done(mailbox);
    }
}
