using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Network;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongkai.Tests.SiteCheck;

/// <summary>The network side of the site check against a <see cref="TestWebsite"/>: settings for tests, use cases built on a test database, data.</summary>
public static class NetworkTestKit
{
    /// <summary>The day the tests run on (the test clock and the test website agree on it).</summary>
    public static readonly DateOnly Today = new(2024, 5, 20);

    /// <summary>The defaults with a shorter per-host interval and timeout, so that a test takes seconds.</summary>
    public static SiteCheckSettings Settings(int intervalMs = 100, double timeoutSeconds = 5, int maxLinks = 500) =>
        SiteCheckSettings.Default with
        {
            PerHostInterval = TimeSpan.FromMilliseconds(intervalMs),
            ProbeTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            MaxLinksPerRun = maxLinks,
        };

    public static async Task<Unit> UnitAsync(GongkaiDb db, string key = "fgw")
    {
        var code = SeedDemoData.CodeOf(key);
        return await db.Units.SingleAsync(u => u.Code == code);
    }

    public static CheckLinks CheckLinks(GongkaiDb db, PoliteHttp http, SiteCheckSettings settings, TimeProvider clock, string? portalUrl) =>
        new(db, http, settings, clock,
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicUrl"] = portalUrl }).Build(),
            NullLogger<CheckLinks>.Instance);

    /// <summary>A published catalog item of the unit with this body (and an attachment with this text, when given).</summary>
    public static async Task<CatalogItem> PublishedItemAsync(GongkaiDb db, Unit unit, string title, string body, string? attachmentText = null)
    {
        var item = new CatalogItem
        {
            UnitId = unit.Id,
            State = CatalogState.Published,
            IndexNumber = "T-" + Guid.NewGuid().ToString("N")[..16],
            Title = title,
            Body = body,
            FormedOn = Today.AddDays(-10),
            PublishedOn = Today.AddDays(-9),
            Theme = "综合政务",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.CatalogItems.Add(item);
        if (attachmentText is not null)
            db.CatalogAttachments.Add(new CatalogAttachment
            {
                ItemId = item.Id,
                SortOrder = 1,
                FileName = "附件1.pdf",
                Kind = AttachmentKind.Pdf,
                ContentType = "application/pdf",
                Content = [1, 2, 3],
                Length = 3,
                Text = attachmentText,
                UploadedAt = DateTime.UtcNow,
            });
        await db.SaveChangesAsync();
        return item;
    }

    /// <summary>The gaps between consecutive arrivals at the server (in arrival order).</summary>
    public static IReadOnlyList<TimeSpan> Gaps(IEnumerable<TestWebsite.Arrival> arrivals)
    {
        var times = arrivals.Select(a => a.At).Order().ToList();
        return [.. times.Zip(times.Skip(1), (a, b) => b - a)];
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
