using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// Adds or changes a 政务新媒体 account of a unit: platform, name, handle, a feed address when it has one (its last post
/// is then read from it), whether it publishes, only serves or was closed (a closed account needs the day it closed), and
/// the last post date as staff see it on the platform.
/// </summary>
public sealed class SaveAccount(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(Guid? Id, string? UnitCode, AccountPlatform Platform, string Name, string Handle, string FeedUrl,
        AccountStatus Status, DateOnly? ClosedOn, DateOnly? LastPostOn);

    public const int MaxName = 100;
    public const int MaxHandle = 200;

    public async Task<Outcome<NewMediaAccount>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<NewMediaAccount>.Denied(SiteCheckAccess.NotAllowed);
        NewMediaAccount? account = null;
        Units.Unit? unit;
        if (input.Id is { } id)
        {
            account = await db.NewMediaAccounts.Include(a => a.Unit).SingleOrDefaultAsync(a => a.Id == id, ct);
            unit = account is not null && actor.Covers(account.Unit.Path) ? account.Unit : null;
        }
        else
            unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<NewMediaAccount>.Missing(input.Id is null ? SiteCheckAccess.NoSuchUnit : "找不到该账号，或它不在您的管辖范围内。");

        var today = clock.Today();
        var name = (input.Name ?? "").Trim();
        var handle = (input.Handle ?? "").Trim();
        var feedText = (input.FeedUrl ?? "").Trim();
        var feed = feedText.Length == 0 ? null : SiteCheckAccess.WebAddress(feedText);
        var closedOn = input.Status == AccountStatus.Closed ? input.ClosedOn : null;
        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Platform))
            problems.Add(new(nameof(Input.Platform), "请选择平台。"));
        if (!Enum.IsDefined(input.Status))
            problems.Add(new(nameof(Input.Status), "请选择账号状态。"));
        if (name.Length is < 2 or > MaxName)
            problems.Add(new(nameof(Input.Name), $"请填写账号名称（2 至 {MaxName} 字），如“青岚发布”。"));
        if (handle.Length > MaxHandle)
            problems.Add(new(nameof(Input.Handle), $"账号或主页地址不能超过 {MaxHandle} 个字符。"));
        if (feedText.Length > 0 && (feed is null || feed.AbsoluteUri.Length > 500))
            problems.Add(new(nameof(Input.FeedUrl), "订阅地址应为以 http:// 或 https:// 开头的完整网址；没有可不填。"));
        if (input.Status == AccountStatus.Closed && closedOn is null)
            problems.Add(new(nameof(Input.ClosedOn), "已关停的账号请填写关停日期。"));
        if (closedOn > today)
            problems.Add(new(nameof(Input.ClosedOn), "关停日期不能晚于今天。"));
        if (input.LastPostOn > today)
            problems.Add(new(nameof(Input.LastPostOn), "最近发布日期不能晚于今天。"));
        if (input.LastPostOn is { } last && closedOn is { } closed && last > closed)
            problems.Add(new(nameof(Input.LastPostOn), "最近发布日期不能晚于关停日期。"));
        if (problems.Count > 0)
            return Outcome<NewMediaAccount>.Invalid(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<string>();
        var added = account is null;
        if (account is null)
        {
            account = new NewMediaAccount { UnitId = unit.Id, CreatedAt = now };
            db.NewMediaAccounts.Add(account);
            changes.Add($"{input.Platform.ChineseName()}，{input.Status.ChineseName()}");
        }
        else
        {
            if (account.Platform != input.Platform)
                changes.Add($"平台：{account.Platform.ChineseName()} → {input.Platform.ChineseName()}");
            if (account.Name != name)
                changes.Add($"名称：{account.Name} → {name}");
            if (account.Handle != handle)
                changes.Add($"账号：{handle}");
            if (account.FeedUrl != (feed?.AbsoluteUri ?? ""))
                changes.Add($"订阅地址：{feed?.AbsoluteUri ?? "无"}");
            if (account.Status != input.Status)
                changes.Add($"状态：{account.Status.ChineseName()} → {input.Status.ChineseName()}");
            if (account.ClosedOn != closedOn && closedOn is not null)
                changes.Add($"关停日期：{closedOn:yyyy-MM-dd}");
        }
        if (account.LastPostOn != input.LastPostOn && (input.LastPostOn is not null || account.LastPostSource == DateSource.Entered))
        {
            // A date entered by a person replaces what a feed read, until the feed is read again.
            changes.Add($"最近发布：{input.LastPostOn?.ToString("yyyy-MM-dd") ?? "未填"}");
            (account.LastPostOn, account.LastPostSource) = (input.LastPostOn, DateSource.Entered);
        }
        if (changes.Count == 0)
            return Outcome<NewMediaAccount>.Done(account);
        (account.Platform, account.Name, account.Handle, account.FeedUrl, account.Status, account.ClosedOn, account.UpdatedAt) =
            (input.Platform, name, handle, feed?.AbsoluteUri ?? "", input.Status, closedOn, now);
        SiteCheckAccess.Log(db, actor, unit.Id, clock, added ? "新增新媒体账号" : "修改新媒体账号", $"{input.Platform.ChineseName()}“{name}”", string.Join("；", changes));
        await db.SaveChangesAsync(ct);
        return Outcome<NewMediaAccount>.Done(account);
    }
}
