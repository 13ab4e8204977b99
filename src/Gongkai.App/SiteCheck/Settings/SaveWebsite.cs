using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// Adds or changes a website a unit runs (门户网站、部门网站): its name, its homepage address (absolute http or https —
/// the address the reachability probes open), its 网站标识码 when it has one, and whether it is checked. A new site
/// names its unit by code; a change names the site by id, and the unit stays.
/// </summary>
public sealed class SaveWebsite(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(Guid? Id, string? UnitCode, string Name, string HomeUrl, string SiteCode, bool Active = true);

    public const int MaxName = 100;

    public async Task<Outcome<Website>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<Website>.Denied(SiteCheckAccess.NotAllowed);
        Website? site = null;
        Units.Unit? unit;
        if (input.Id is { } id)
        {
            site = await db.Websites.Include(w => w.Unit).SingleOrDefaultAsync(w => w.Id == id, ct);
            unit = site is not null && actor.Covers(site.Unit.Path) ? site.Unit : null;
        }
        else
            unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<Website>.Missing(input.Id is null ? SiteCheckAccess.NoSuchUnit : "找不到该网站，或它不在您的管辖范围内。");

        var name = (input.Name ?? "").Trim();
        var code = (input.SiteCode ?? "").Trim().ToUpperInvariant();
        var home = SiteCheckAccess.WebAddress(input.HomeUrl);
        var problems = new List<Problem>();
        if (name.Length is < 2 or > MaxName)
            problems.Add(new(nameof(Input.Name), $"请填写网站名称（2 至 {MaxName} 字），如“青岚市人民政府门户网站”。"));
        if (home is null || home.AbsoluteUri.Length > 500)
            problems.Add(new(nameof(Input.HomeUrl), "首页地址应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn/。"));
        if (code.Length > 0 && (code.Length != 10 || !code.All(char.IsAsciiLetterOrDigit)))
            problems.Add(new(nameof(Input.SiteCode), "网站标识码应为 10 位数字或字母（见网站首页底部）；没有可不填。"));
        if (problems.Count == 0 && await db.Websites.AnyAsync(w => w.HomeUrl == home!.AbsoluteUri && w.Id != (site == null ? Guid.Empty : site.Id), ct))
            problems.Add(new(nameof(Input.HomeUrl), $"已登记首页地址为 {home!.AbsoluteUri} 的网站。"));
        if (problems.Count > 0)
            return Outcome<Website>.Invalid(problems);

        var changes = new List<string>();
        if (site is null)
        {
            site = new Website { UnitId = unit.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Websites.Add(site);
            changes.Add($"首页 {home!.AbsoluteUri}");
        }
        else
        {
            if (site.Name != name)
                changes.Add($"名称：{site.Name} → {name}");
            if (site.HomeUrl != home!.AbsoluteUri)
                changes.Add($"首页：{site.HomeUrl} → {home.AbsoluteUri}");
            if (site.SiteCode != code)
                changes.Add($"网站标识码：{(site.SiteCode.Length > 0 ? site.SiteCode : "无")} → {(code.Length > 0 ? code : "无")}");
            if (site.Active != input.Active)
                changes.Add(input.Active ? "恢复检查" : "停止检查");
            if (changes.Count == 0)
                return Outcome<Website>.Done(site);
        }
        var added = site.Name.Length == 0;
        (site.Name, site.HomeUrl, site.SiteCode, site.Active) = (name, home!.AbsoluteUri, code, input.Active);
        SiteCheckAccess.Log(db, actor, unit.Id, clock, added ? "新增网站" : "修改网站", name, string.Join("；", changes));
        await db.SaveChangesAsync(ct);
        return Outcome<Website>.Done(site);
    }
}
