using System.Text.RegularExpressions;
using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Catalog;
using Gongkai.Core.Units;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>The demo catalog, on both databases: what the public catalog, its filters and the 第二十六条 check will show.</summary>
public class SeedDemoCatalogTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private const int Items = 600;

    private static async Task<int> SeedAsync(TestDatabase test, int items = Items)
    {
        test.Clock.SetToday(Today);
        await using var scope = test.Scope();
        return await new SeedDemoCatalog(test.Get<GongkaiDb>(scope), test.Get<OfficialCalendar>(scope), test.Get<IndexNumberFormat>(scope), test.Clock)
            .HandleAsync(items);
    }

    private sealed record Seeded(List<CatalogItem> Items, List<Unit> Units, List<IndexCounter> Counters, WorkCalendar Calendar, IndexNumberFormat Format);

    private static async Task<Seeded> LoadAsync(TestDatabase test)
    {
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var items = await db.CatalogItems.AsNoTracking().Include(i => i.Log).Include(i => i.Interprets).ToListAsync();
        return new(items, await db.Units.AsNoTracking().ToListAsync(), await db.IndexCounters.AsNoTracking().ToListAsync(),
            await test.Get<OfficialCalendar>(scope).GetAsync(db), test.Get<IndexNumberFormat>(scope));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeding_twice_should_add_the_catalog_only_once_and_queue_each_item_for_search_in_the_same_write(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        Assert.Equal(Items, await SeedAsync(test));
        Assert.Equal(0, await SeedAsync(test));
        Assert.Equal(Items, (await LoadAsync(test)).Items.Count);
        await using var scope = test.Scope();
        Assert.Equal(Items, await test.Get<GongkaiDb>(scope).Set<App.Search.SearchChange>().Select(w => w.ItemId).Distinct().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeded_catalog_should_cover_every_unit_theme_and_genre_over_three_years(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (items, units, _, calendar, _) = await LoadAsync(test);

        Assert.Equal(units.Select(u => u.Id).Order(), items.Select(i => i.UnitId).Distinct().Order());
        Assert.Equal(CatalogTerms.Themes.Order(), items.Select(i => i.Theme.Split('\\')[0]).Distinct().Order());
        Assert.Contains(items, i => i.Theme.Contains('\\'));
        Assert.Contains(items, i => !i.Theme.Contains('\\'));
        Assert.Equal(Enum.GetValues<Genre>(), items.Select(i => i.Genre).Distinct().Order());
        var byGenre = items.GroupBy(i => i.Genre).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.Equal([Genre.Notice, Genre.Announcement], byGenre.Take(2));
        var city = units.Single(u => u.Code == SeedDemoData.CityCode).Id;
        Assert.All(items.Where(i => i.Genre == Genre.Rule), i => Assert.Equal(city, i.UnitId));
        var kindOf = units.ToDictionary(u => u.Id, u => u.Kind);
        Assert.DoesNotContain(items, i => i.Genre == Genre.NormativeDocument && kindOf[i.UnitId] == UnitKind.Township);
        Assert.True(items.Count(i => i.UnitId == city) > items.Count / 10, "the city government should publish the most");
        Assert.All(items, i =>
        {
            Assert.Equal(CatalogState.Published, i.State);
            Assert.InRange(i.PublishedOn!.Value, Today.AddYears(-3), Today);
            Assert.True(calendar.IsWorkingDay(i.PublishedOn.Value) && i.FormedOn <= i.PublishedOn);
            Assert.True(i.Channels.HasFlag(PublicationChannels.Website));
            Assert.Empty(i.Draft().Problems(Today));
            Assert.Equal(["起草", "提交审核", "发布"], i.Log.OrderBy(e => e.Sequence).Select(e => e.Action).Take(3));
            if (i.Genre.HasValidity())
                Assert.NotEmpty(i.DocumentNumber);
            else if (i.Genre != Genre.Notice)
                Assert.Empty(i.DocumentNumber);
        });
        Assert.Contains(items, i => i.Channels != PublicationChannels.Website);
        Assert.Contains(items, i => i.DocumentNumber.StartsWith("青政办发〔"));
        Assert.Contains(items, i => Regex.IsMatch(i.DocumentNumber, @"^映政发〔20\d\d〕\d+号$"));
        Assert.InRange(items.Count(i => calendar.WorkingDaysBetween(i.FormedOn, i.PublishedOn!.Value) is >= 1 and <= 15) * 100 / items.Count, 70, 100);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeded_index_numbers_should_count_up_per_prefix_and_period_and_the_next_publication_should_follow(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (items, units, counters, _, format) = await LoadAsync(test);

        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);
        Assert.Equal(items.Count, items.Select(i => i.IndexNumber).Distinct().Count());
        var series = items.GroupBy(i => (format.Prefix(codeOf[i.UnitId]), format.Period(i.PublishedOn!.Value))).ToList();
        Assert.All(series, s =>
        {
            var ordered = s.OrderBy(i => i.IndexNumber, StringComparer.Ordinal).ToList();
            for (var n = 1; n <= ordered.Count; n++)
                Assert.Equal(format.Format(codeOf[ordered[n - 1].UnitId], ordered[n - 1].PublishedOn!.Value, n), ordered[n - 1].IndexNumber);
            Assert.True(ordered.Zip(ordered.Skip(1)).All(p => p.First.PublishedOn <= p.Second.PublishedOn), "serials follow publication order");
            Assert.Equal(ordered.Count, counters.Single(c => (c.Prefix, c.Period) == s.Key).Last);
        });
        Assert.Equal(series.Count, counters.Count);

        var draft = CatalogWorkflowTests.Notice("青岚市人民政府关于做好2026年冬季安全生产工作的通知") with { FormedOn = Today.AddDays(-3) };
        var item = await CatalogWorkflowTests.SubmittedAsync(test, draft);
        await using var scope = test.Scope();
        var published = await test.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), StaffScope.System);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        var last = counters.SingleOrDefault(c => c.Prefix == format.Prefix(SeedDemoData.CityCode) && c.Period == format.Period(Today))?.Last ?? 0;
        Assert.True(last > 0, "the city government should have published this year");
        Assert.Equal(format.Format(SeedDemoData.CityCode, Today, last + 1), published.Value!.IndexNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeded_policies_should_have_interpretations_validity_and_some_late_publications(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (items, _, _, calendar, _) = await LoadAsync(test);

        var interpretations = items.Where(i => i.Genre == Genre.Interpretation).ToList();
        Assert.InRange(interpretations.Count, 10, Items / 5);
        Assert.All(interpretations, i =>
        {
            var policy = Assert.IsType<CatalogItem>(i.Interprets);
            Assert.Contains(policy.Genre, new[] { Genre.Rule, Genre.NormativeDocument, Genre.Notice });
            Assert.Equal((CatalogState.Published, i.UnitId), (policy.State, policy.UnitId));
            Assert.InRange(i.PublishedOn!.Value, policy.PublishedOn!.Value, policy.PublishedOn.Value.AddDays(10));
            Assert.Matches("^《.+》政策解读$", i.Title);
            Assert.True(i.PublishedOn > policy.PublishedOn || string.CompareOrdinal(i.IndexNumber, policy.IndexNumber) > 0, "numbered after its policy");
        });
        Assert.Contains(interpretations, i => i.Interprets!.Genre == Genre.Rule);
        Assert.Contains(interpretations, i => i.Interprets!.Genre == Genre.Notice);

        var late = items.Where(i => PublicationDeadline.IsLate(calendar, i.FormedOn, i.PublishedOn!.Value)).ToList();
        Assert.InRange(late.Count, 3, Items / 20);
        Assert.All(items, i => Assert.Equal(
            PublicationDeadline.DaysLate(calendar, i.FormedOn, i.PublishedOn!.Value) is var days and > 0 ? $"超过第二十六条规定的 20 个工作日公开期限 {days} 个工作日。" : "",
            i.Log.Single(e => e.Action == "发布").Note));

        var policies = items.Where(i => i.Genre.HasValidity()).ToList();
        Assert.All(policies, i => Assert.True(i.EffectiveOn >= i.PublishedOn && (i.RepealedOn is null || i.RepealedOn > i.EffectiveOn)));
        var revoked = policies.Where(i => i.Validity == Validity.Revoked).ToList();
        Assert.Contains(revoked, i => i.Genre == Genre.NormativeDocument);
        Assert.All(revoked, i => Assert.StartsWith($"自 {i.RepealedOn:yyyy-MM-dd} 起废止：", i.Log.Single(e => e.Action == "废止").Note));
        Assert.DoesNotContain(items.Where(i => i.Validity != Validity.Revoked), i => i.Log.Any(e => e.Action == "废止"));
        var expired = policies.Where(i => i.Validity == Validity.InForce && CatalogTerms.EffectiveValidity(i.Validity, i.RepealedOn, Today) == Validity.Expired);
        Assert.Contains(expired, i => i.Genre == Genre.NormativeDocument);
        Assert.Contains(policies, i => CatalogTerms.EffectiveValidity(i.Validity, i.RepealedOn, Today) == Validity.InForce && i.RepealedOn > Today);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeded_texts_should_be_free_of_personal_data_with_short_summaries_and_bodies_of_300_to_3000_characters(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (items, _, _, _, _) = await LoadAsync(test);

        Assert.All(items, i =>
        {
            Assert.Empty(PublishCatalogItem.Screen(i));
            Assert.InRange(i.Summary.Length, 10, CatalogTerms.MaxSummary);
            Assert.InRange(PublishCatalogItem.PlainText(i.Body).Replace(" ", "").Length, 300, 3000);
            Assert.StartsWith("<p>", i.Body);
            Assert.DoesNotContain("{", i.Title + i.Summary + i.Body + i.Keywords);
        });
        Assert.Contains(items, i => i.Title.StartsWith("青岚市人民政府办公室关于印发青岚市20") && i.Title.EndsWith("年优化营商环境工作要点的通知"));
        Assert.Contains(items, i => Regex.IsMatch(i.Title, "^关于20\\d\\d年第.批建设用地项目批前公示的公告$"));
        Assert.Contains(items, i => PublishCatalogItem.PlainText(i.Body).Length > 1500);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stream_after_seeding_should_continue_the_index_numbers_in_publication_order(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test, 300);
        var (seeded, units, counters, _, format) = await LoadAsync(test);

        var streamed = new List<CatalogItem>();
        await using (var scope = test.Scope())
        {
            var stream = new SeedDemoCatalog(test.Get<GongkaiDb>(scope), test.Get<OfficialCalendar>(scope), test.Get<IndexNumberFormat>(scope), test.Clock);
            await foreach (var item in stream.StreamAsync(Items))
                streamed.Add(item);
        }

        Assert.Equal(Items, streamed.Count);
        Assert.True(streamed.Zip(streamed.Skip(1)).All(p => p.First.PublishedOn <= p.Second.PublishedOn), "yielded in publication order");
        var position = streamed.Index().ToDictionary(p => p.Item.Id, p => p.Index);
        var interpretations = streamed.Where(i => i.Genre == Genre.Interpretation).ToList();
        Assert.NotEmpty(interpretations);
        Assert.All(interpretations, i => Assert.True(position[i.InterpretsId!.Value] < position[i.Id], "a 解读 after its policy"));
        Assert.All(streamed, i => Assert.Equal(Enumerable.Range(1, i.Log.Count), i.Log.Select(e => e.Sequence)));

        Assert.Empty(streamed.Select(i => i.IndexNumber).Intersect(seeded.Select(i => i.IndexNumber)));
        Assert.Equal(Items, streamed.Select(i => i.IndexNumber).Distinct().Count());
        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);
        var series = streamed.GroupBy(i => (format.Prefix(codeOf[i.UnitId]), format.Period(i.PublishedOn!.Value))).ToList();
        Assert.All(series, s =>
        {
            var last = counters.SingleOrDefault(c => (c.Prefix, c.Period) == s.Key)?.Last ?? 0;
            Assert.Equal(s.Select((i, n) => format.Format(codeOf[i.UnitId], i.PublishedOn!.Value, last + n + 1)), s.Select(i => i.IndexNumber));
        });
        Assert.Contains(series, s => counters.Any(c => (c.Prefix, c.Period) == s.Key && c.Last > 0));
        Assert.Equal(seeded.Count, (await LoadAsync(test)).Items.Count);
    }

    [Fact]
    public async Task Seeding_on_the_same_day_should_give_the_same_catalog()
    {
        static async Task<List<string>> CatalogAsync()
        {
            await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await SeedAsync(test, 200);
            return [.. (await LoadAsync(test)).Items.Select(i => $"{i.IndexNumber} {i.Title} {i.DocumentNumber} {i.FormedOn} {i.Body.Length} {i.Validity}")
                .Order(StringComparer.Ordinal)];
        }
        Assert.Equal(await CatalogAsync(), await CatalogAsync());
    }
}
