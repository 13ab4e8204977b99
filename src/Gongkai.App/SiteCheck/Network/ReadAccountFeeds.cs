using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>
/// Reads the last post date of each publishing 政务新媒体 account of the unit that has a feed address (RSS or Atom):
/// <see cref="NewMediaAccount.LastPostOn"/> becomes the newest item's date (<see cref="DateSource.Feed"/>). A feed that
/// cannot be read keeps the date known before and is a finding (<see cref="FindingRules.AccountUnreadable"/>). robots.txt
/// is honoured.
/// </summary>
public sealed class ReadAccountFeeds(GongkaiDb db, PoliteHttp http, SiteCheckSettings settings, TimeProvider clock) : ISiteCollector
{
    public async Task<IReadOnlyList<Finding>> CollectAsync(Unit unit, CancellationToken ct = default)
    {
        var accounts = await db.NewMediaAccounts.Where(a => a.UnitId == unit.Id && a.Status == AccountStatus.Publishing && a.FeedUrl != "")
            .OrderBy(a => a.Name).ToListAsync(ct);
        var findings = new List<Finding>();
        var today = clock.Today();
        foreach (var account in accounts)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var error = await ReadAsync(account, today, ct);
            account.ReadAt = now;
            account.ReadError = error ?? "";
            account.UpdatedAt = now;
            if (error is null)
                continue;
            var before = account.LastPostOn is { } d ? $"仍按已知的最后发布日期 {d:yyyy-MM-dd} 计。" : "尚无最后发布日期。";
            findings.Add(new Finding(FindingRules.AccountUnreadable, $"{account.Platform.ChineseName()}「{account.Name}」的订阅无法读取",
                $"读取 {account.FeedUrl} 失败：{error}。{before}",
                new FindingTarget("account", account.Id.ToString(), account.Name, account.FeedUrl), 2, $"account:{account.Id}:unreadable"));
        }
        await db.SaveChangesAsync(ct);
        return findings;
    }

    /// <summary>Stores the newest post date; returns why it could not be read, or null.</summary>
    private async Task<string?> ReadAsync(NewMediaAccount account, DateOnly today, CancellationToken ct)
    {
        if (!Uri.TryCreate(account.FeedUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return "订阅地址无效";
        var response = await http.GetAsync(url, RequestKind.Crawl, settings.ProbeTimeout, ct);
        if (!response.Ok)
            return response.Error;
        try
        {
            var (newest, count) = FeedDates.Read(response.Body, today);
            if (newest is null)
                return count == 0 ? "订阅中没有任何内容" : "订阅的内容都没有发布日期";
            account.LastPostOn = newest;
            account.LastPostSource = DateSource.Feed;
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
