using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Gongkai.App.SiteCheck;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.SiteCheck;

/// <summary>Rows for the site check's judging tests, inserted directly (the network side's rows as its collectors would store them).</summary>
public static class JudgeTestData
{
    public static DateOnly Today(this TestDatabase test) => test.Clock.Today();

    public static async Task<Unit> UnitAsync(TestDatabase test, string key)
    {
        await using var scope = test.Scope();
        var code = SeedDemoData.CodeOf(key);
        return await test.Get<GongkaiDb>(scope).Units.AsNoTracking().SingleAsync(u => u.Code == code);
    }

    public static async Task AddAsync(TestDatabase test, params object[] rows)
    {
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    public static async Task ChangeAsync<T>(TestDatabase test, Guid id, Action<T> change) where T : class
    {
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        change((await db.Set<T>().FindAsync(id))!);
        await db.SaveChangesAsync();
    }

    public static SiteColumn Column(Unit unit, string name, UpdateClass c, DateOnly? newest, int? items = 10, bool home = false, bool top = true) => new()
    {
        UnitId = unit.Id, Name = name, Source = ColumnSource.External, Url = $"http://127.0.0.1/{name}", DateSource = DateSource.Entered,
        UpdateClass = c, TopLevel = top, NeedsUpdates = true, OnHomepage = home, NewestOn = newest, ItemCount = items, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    public static CatalogItem Item(Unit unit, string title, DateOnly published, Genre genre = Genre.Notice, string theme = "综合政务", string body = "<p>正文。</p>",
        CatalogState state = CatalogState.Published, DateOnly? formed = null) => new()
    {
        UnitId = unit.Id, State = state, IndexNumber = state is CatalogState.Published or CatalogState.Withdrawn ? $"T-{Guid.NewGuid():N}" : null,
        Title = title, Body = body, FormedOn = formed ?? published.AddDays(-3), PublishedOn = state == CatalogState.Published ? published : null,
        Theme = theme, Genre = genre, Attribute = DisclosureAttribute.Proactive, Channels = PublicationChannels.Website,
        CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    private static int serial;

    public static Letter Letter(Unit mailbox, string subject, DateOnly received, DateOnly? answered, LetterState state, bool published = false) => new()
    {
        Number = $"T{Interlocked.Increment(ref serial):D6}{Random.Shared.Next(100000, 999999)}", QueryCode = Guid.NewGuid().ToString("N")[..20],
        Channel = LetterChannel.Mailbox, MailboxUnitId = mailbox.Id, UnitId = mailbox.Id, Type = LetterType.Consultation, Subject = subject,
        Content = subject + "，请答复。", WriterName = "张三", Phone = "13900000000", Fingerprint = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow,
        State = state, ReceivedOn = received, AnsweredOn = answered, Answer = answered is null ? "" : "已答复。",
        Published = published, PublishedOn = published ? answered : null, PublishedSubject = published ? subject : "", PublishedAnswer = published ? "已答复。" : "",
    };

    public static Mailbox Mailbox(Unit unit, string name, bool open = true) => new() { UnitId = unit.Id, Name = name, IsOpen = open };

    /// <summary>Runs the check as the command line does (or as <paramref name="actor"/>), failing the test when it is refused.</summary>
    public static async Task<SiteCheckReport> CheckAsync(TestDatabase test, Unit unit, StaffScope? actor = null, bool subtree = false)
    {
        var runs = await RunAsync(test, unit, actor, subtree);
        Assert.True(runs.Succeeded, string.Join("；", runs.Problems));
        return runs.Value![0].Report;
    }

    public static async Task<Outcome<IReadOnlyList<(SiteCheckRun Run, SiteCheckReport Report)>>> RunAsync(TestDatabase test, Unit unit, StaffScope? actor = null, bool subtree = false)
    {
        await using var scope = test.Scope();
        return await test.Get<RunSiteCheck>(scope).HandleAsync(new(unit.Id, subtree, "手动（测试）"), actor ?? StaffScope.System);
    }

    public static VetoResult Veto(this SiteCheckReport report, VetoRule rule) => report.Veto.Single(v => v.Rule == rule);
}
