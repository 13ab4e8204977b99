using System.Text.RegularExpressions;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// Adds or changes a column (栏目). A column of another site the unit runs is described completely: its name, the
/// site, its page, how its newest date is found (an RSS/Atom feed, a sitemap, a list page read with a date pattern, or
/// a date entered by staff) and its update class and flags. Gongkai's own columns are kept by the check from the
/// catalog, mailboxes, solicitations and interviews: of those only the update class and the flags (一级栏目、应更新、首页栏目、
/// 检查) can be changed here — their name, address and source stay as the check keeps them.
/// </summary>
public sealed class SaveColumn(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(
        Guid? Id, string? UnitCode, string Name, Guid? WebsiteId, string Url, DateSource DateSource, string SourceUrl, string DatePattern,
        UpdateClass UpdateClass, bool TopLevel, bool NeedsUpdates, bool OnHomepage, bool Active = true, DateOnly? NewestOn = null);

    public const int MaxName = 100;
    public const int MaxPattern = 200;

    /// <summary>How long a date pattern may take on one page before it is given up (a pattern that backtracks forever).</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public async Task<Outcome<SiteColumn>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<SiteColumn>.Denied(SiteCheckAccess.NotAllowed);
        SiteColumn? column = null;
        Units.Unit? unit;
        if (input.Id is { } id)
        {
            column = await db.SiteColumns.Include(c => c.Unit).SingleOrDefaultAsync(c => c.Id == id, ct);
            unit = column is not null && actor.Covers(column.Unit.Path) ? column.Unit : null;
        }
        else
            unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<SiteColumn>.Missing(input.Id is null ? SiteCheckAccess.NoSuchUnit : "找不到该栏目，或它不在您的管辖范围内。");
        if (!Enum.IsDefined(input.UpdateClass))
            return Outcome<SiteColumn>.Invalid(nameof(Input.UpdateClass), "请选择栏目类别。");

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<string>();
        if (column is not null && column.Source != ColumnSource.External)
        {
            // Gongkai's own column: its class and flags only.
            Flags(column, input, changes);
            if (changes.Count == 0)
                return Outcome<SiteColumn>.Done(column);
            column.UpdatedAt = now;
            SiteCheckAccess.Log(db, actor, unit.Id, clock, "修改栏目", column.Name, string.Join("；", changes));
            await db.SaveChangesAsync(ct);
            return Outcome<SiteColumn>.Done(column);
        }

        var name = (input.Name ?? "").Trim();
        var page = SiteCheckAccess.WebAddress(input.Url);
        var sourceText = (input.SourceUrl ?? "").Trim();
        var source = sourceText.Length == 0 ? null : SiteCheckAccess.WebAddress(sourceText);
        var pattern = input.DateSource == DateSource.ListPage ? (input.DatePattern ?? "").Trim() : "";
        var problems = new List<Problem>();
        if (name.Length is < 2 or > MaxName)
            problems.Add(new(nameof(Input.Name), $"请填写栏目名称（2 至 {MaxName} 字），如“工作动态”“通知公告”。"));
        if (page is null || page.AbsoluteUri.Length > 500)
            problems.Add(new(nameof(Input.Url), "栏目地址应为以 http:// 或 https:// 开头的完整网址。"));
        if (input.DateSource is not (DateSource.Feed or DateSource.Sitemap or DateSource.ListPage or DateSource.Entered))
            problems.Add(new(nameof(Input.DateSource), "请选择最新日期的取得方式：RSS/Atom 订阅、站点地图、列表页日期或人工填报。"));
        if (sourceText.Length > 0 && (source is null || source.AbsoluteUri.Length > 500))
            problems.Add(new(nameof(Input.SourceUrl), "订阅或站点地图地址应为以 http:// 或 https:// 开头的完整网址；与栏目地址相同时可不填。"));
        if (PatternProblem(pattern) is { } bad)
            problems.Add(new(nameof(Input.DatePattern), bad));
        var today = clock.Today();
        if (input.DateSource == DateSource.Entered && input.NewestOn > today)
            problems.Add(new(nameof(Input.NewestOn), "最新信息日期不能晚于今天。"));
        Website? site = null;
        if (input.WebsiteId is { } siteId && (site = await db.Websites.SingleOrDefaultAsync(w => w.Id == siteId && w.UnitId == unit.Id, ct)) is null)
            problems.Add(new(nameof(Input.WebsiteId), "请从本单位登记的网站中选择。"));
        if (problems.Count > 0)
            return Outcome<SiteColumn>.Invalid(problems);

        var added = column is null;
        if (column is null)
        {
            column = new SiteColumn { UnitId = unit.Id, Source = ColumnSource.External, CreatedAt = now };
            db.SiteColumns.Add(column);
            changes.Add($"{page!.AbsoluteUri}，{input.DateSource.ChineseName()}，{input.UpdateClass.ChineseName()}");
        }
        else
        {
            if (column.Name != name)
                changes.Add($"名称：{column.Name} → {name}");
            if (column.Url != page!.AbsoluteUri)
                changes.Add($"地址：{column.Url} → {page.AbsoluteUri}");
            if (column.WebsiteId != site?.Id)
                changes.Add($"所属网站：{site?.Name ?? "未指定"}");
            if (column.DateSource != input.DateSource)
                changes.Add($"日期来源：{column.DateSource.ChineseName()} → {input.DateSource.ChineseName()}");
            if (column.SourceUrl != (source?.AbsoluteUri ?? ""))
                changes.Add($"订阅地址：{(source?.AbsoluteUri is { } s ? s : "同栏目地址")}");
            if (column.DatePattern != pattern)
                changes.Add($"日期格式：{(pattern.Length > 0 ? pattern : "常见格式")}");
        }
        Flags(column, input, changes);
        if (input.DateSource == DateSource.Entered && (added || column.DateSource != DateSource.Entered || column.NewestOn != input.NewestOn))
        {
            // What staff enter is the reading: no date means nothing has been published in it.
            changes.Add($"最新信息日期：{input.NewestOn?.ToString("yyyy-MM-dd") ?? "无（空白栏目）"}");
            (column.NewestOn, column.ItemCount, column.ReadAt, column.ReadError) = (input.NewestOn, input.NewestOn is null ? 0 : null, now, "");
        }
        else if (!added && (column.DateSource != input.DateSource || column.Url != page!.AbsoluteUri || column.SourceUrl != (source?.AbsoluteUri ?? "") || column.DatePattern != pattern))
            // Read from elsewhere now: the old reading no longer says anything.
            (column.NewestOn, column.ItemCount, column.ReadAt, column.ReadError) = (null, null, null, "");
        if (!added && changes.Count == 0)
            return Outcome<SiteColumn>.Done(column);
        (column.Name, column.Url, column.WebsiteId, column.DateSource, column.SourceUrl, column.DatePattern) =
            (name, page!.AbsoluteUri, site?.Id, input.DateSource, source?.AbsoluteUri ?? "", pattern);
        column.UpdatedAt = now;
        SiteCheckAccess.Log(db, actor, unit.Id, clock, added ? "新增栏目" : "修改栏目", name, string.Join("；", changes));
        await db.SaveChangesAsync(ct);
        return Outcome<SiteColumn>.Done(column);
    }

    /// <summary>Why a list page's date pattern cannot be used, or null (an empty pattern reads the usual date forms).</summary>
    public static string? PatternProblem(string pattern)
    {
        if (pattern.Length == 0)
            return null;
        if (pattern.Length > MaxPattern)
            return $"日期格式（正则表达式）不能超过 {MaxPattern} 个字符。";
        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            // A pattern that backtracks without end shows itself on a long line that has no date.
            _ = regex.IsMatch("发布日期：" + new string('0', 4000) + "年");
            return null;
        }
        catch (ArgumentException e)
        {
            return $"日期格式不是有效的正则表达式：{e.Message}";
        }
        catch (RegexMatchTimeoutException)
        {
            return "日期格式的正则表达式运行过慢（可能存在过度回溯），请简化。";
        }
    }

    private static void Flags(SiteColumn column, Input input, List<string> changes)
    {
        if (column.UpdateClass != input.UpdateClass)
            changes.Add($"类别：{column.UpdateClass.ChineseName()} → {input.UpdateClass.ChineseName()}");
        if (column.TopLevel != input.TopLevel)
            changes.Add(input.TopLevel ? "设为一级栏目" : "设为非一级栏目");
        if (column.NeedsUpdates != input.NeedsUpdates)
            changes.Add(input.NeedsUpdates ? "应更新" : "无需更新");
        if (column.OnHomepage != input.OnHomepage)
            changes.Add(input.OnHomepage ? "设为首页栏目" : "不再作为首页栏目");
        if (column.Active != input.Active)
            changes.Add(input.Active ? "恢复检查" : "停止检查");
        (column.UpdateClass, column.TopLevel, column.NeedsUpdates, column.OnHomepage, column.Active) =
            (input.UpdateClass, input.TopLevel, input.NeedsUpdates, input.OnHomepage, input.Active);
    }
}
