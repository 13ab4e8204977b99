using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>
/// Published letters (公开选登) in the platform's one search engine: the catalog's substring semantics over what was
/// published, only while it is published, filtered by mailbox, type and arrival date, newest answer first; never in
/// catalog results; kept by a rebuild; letters like one being written.
/// </summary>
public class LetterSearchTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    private static async Task<LetterSearch.Result> SearchAsync(TestDatabase db, string? q, LetterSearch.Filter? filter = null)
    {
        await db.Services.GetRequiredService<SearchFollower>().CatchUpAsync();   // what every node's background indexer does about once a second
        await using var scope = db.Scope();
        var query = q is null ? null : SearchQuery.Parse(q) is ({ } parsed, null) ? parsed : throw new ArgumentException(q);
        return await db.Get<LetterSearch>(scope).SearchAsync(query, filter ?? new());
    }

    private static async Task<string[]> SubjectsAsync(TestDatabase db, string? q, LetterSearch.Filter? filter = null) =>
        [.. (await SearchAsync(db, q, filter)).Hits.Select(h => h.Subject)];

    private static async Task<TestDatabase> WithMailboxesAsync(DatabaseProvider provider, DateOnly today)
    {
        var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(today);
        await LetterBuilder.MailboxesAsync(db);
        return db;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_published_letter_should_be_found_by_a_word_of_its_answer_or_a_phrase_and_an_unpublished_or_withdrawn_one_should_not(DatabaseProvider provider)
    {
        await using var db = await WithMailboxesAsync(provider, new DateOnly(2024, 5, 20));
        await LetterBuilder.PublishedAsync(db, "咨询映月河治理进度", "请问映月河的河道治理什么时候开始？", "映月河清淤工程已于本月开工，预计汛期前完成。");
        var kept = await LetterBuilder.WriteAsync(db, "望湖东路河道清淤", "望湖东路旁边的河道什么时候清淤？气味很大。");
        await LetterBuilder.AnswerAsync(db, kept, "望湖东路段河道清淤已列入今年计划。");   // answered, the writer agreed, never published
        var withdrawn = await LetterBuilder.PublishedAsync(db, "松涛河清淤", "松涛河的河道多久没有清淤了？", "松涛河清淤工程将于下月开工。");
        Assert.Equal(2, (await SearchAsync(db, "清淤")).Total);

        await LetterBuilder.StepAsync(db, withdrawn, LetterEventKind.Unpublished, "来信人要求撤销公开");

        Assert.Equal(["咨询映月河治理进度"], await SubjectsAsync(db, "清淤"));   // a word of the answer
        Assert.Equal(["咨询映月河治理进度"], await SubjectsAsync(db, "开工"));   // two characters are a word
        Assert.Equal(["咨询映月河治理进度"], await SubjectsAsync(db, "「清淤工程已于本月开工」"));
        Assert.Empty(await SubjectsAsync(db, "「清淤工程将于下月开工」"));   // withdrawn
        Assert.Empty(await SubjectsAsync(db, "望湖东路"));   // never published
        Assert.Empty(await SubjectsAsync(db, "「开工预计」"));   // not across punctuation: the answer has 「开工，预计」
        var result = await SearchAsync(db, "映月河 汛期");
        Assert.Equal((1, true), (result.Total, result.TotalIsExact));
        Assert.Contains("<mark>汛期</mark>", result.Hits.Single().Snippet);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_should_narrow_by_mailbox_type_and_arrival_date_and_hits_should_come_newest_answer_first(DatabaseProvider provider)
    {
        await using var db = await WithMailboxesAsync(provider, new DateOnly(2024, 5, 6));
        await LetterBuilder.PublishedAsync(db, "锦绣花园停车难", "锦绣花园车位不足，晚上停车很难。", "已规划在周边建设公共停车场。");
        db.Clock.SetToday(new DateOnly(2024, 5, 13));
        var district = await LetterBuilder.WriteAsync(db, "映月路占道停车", "映月路两侧占道停车严重，影响通行。", "yy", LetterType.Complaint);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var late = await LetterBuilder.WriteAsync(db, "建议增设停车位", "建议在翠湖苑附近增设停车位，方便居民。", type: LetterType.Suggestion);
        await LetterBuilder.AnswerAsync(db, late, "已将翠湖苑周边停车位建设列入计划。");
        await LetterBuilder.PublishAsync(db, late, "建议增设停车位", "建议在翠湖苑附近增设停车位，方便居民。", "已将翠湖苑周边停车位建设列入计划。");
        db.Clock.SetToday(new DateOnly(2024, 5, 22));   // answered last, though it arrived before the suggestion
        await LetterBuilder.AnswerAsync(db, district, "已对映月路占道停车开展整治。");
        await LetterBuilder.PublishAsync(db, district, "映月路占道停车", "映月路两侧占道停车严重，影响通行。", "已对映月路占道停车开展整治。");

        Assert.Equal(["映月路占道停车", "建议增设停车位", "锦绣花园停车难"], await SubjectsAsync(db, "停车"));
        Assert.Equal(["映月路占道停车", "建议增设停车位", "锦绣花园停车难"], await SubjectsAsync(db, null));   // every published letter
        Assert.Equal(["映月路占道停车"], await SubjectsAsync(db, "停车", new(Mailbox: App.Demo.SeedDemoData.CodeOf("yy"))));
        Assert.Equal(["建议增设停车位", "锦绣花园停车难"], await SubjectsAsync(db, null, new(Mailbox: App.Demo.SeedDemoData.CityCode)));
        Assert.Empty(await SubjectsAsync(db, "停车", new(Mailbox: App.Letters.WriteLetter.ErrorChannel)));
        Assert.Equal(["建议增设停车位"], await SubjectsAsync(db, "停车", new(Type: LetterType.Suggestion)));
        Assert.Equal(["映月路占道停车"], await SubjectsAsync(db, null, new(Type: LetterType.Complaint)));
        Assert.Equal(["映月路占道停车", "建议增设停车位"], await SubjectsAsync(db, "停车", new(From: new DateOnly(2024, 5, 13))));
        Assert.Equal(["映月路占道停车"], await SubjectsAsync(db, "停车", new(From: new DateOnly(2024, 5, 7), To: new DateOnly(2024, 5, 19))));
        Assert.Equal(["锦绣花园停车难"], await SubjectsAsync(db, "停车", new(To: new DateOnly(2024, 5, 6))));
        var hit = (await SearchAsync(db, "翠湖苑")).Hits.Single();
        Assert.Equal((new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 20), LetterType.Suggestion), (hit.ReceivedOn, hit.AnsweredOn, hit.Type));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Catalog_search_should_not_return_letters_and_a_rebuild_should_keep_both(DatabaseProvider provider)
    {
        await using var db = await WithMailboxesAsync(provider, new DateOnly(2024, 5, 20));
        var item = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice());   // 「防汛工作」 in its title
        await using (var scope = db.Scope())
            Assert.True((await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), Reviewer)).Succeeded);
        await LetterBuilder.PublishedAsync(db, "防汛工作建议", "建议提前做好防汛工作，清理排水管道。文件（青政发〔2024〕8号）要求的防汛物资是否到位？", "防汛物资已按文件（青政发〔2024〕8号）要求储备到位。");

        async Task<string> CatalogAsync(SearchQuery query, CatalogSearch.Filter? filter = null)
        {
            await using var scope = db.Scope();
            var result = await db.Get<CatalogSearch>(scope).SearchAsync(query, filter ?? new());
            return $"{result.Total}: {string.Join(" | ", result.Hits.Select(h => h.Title))}";
        }
        const string Notice = "1: 青岚市人民政府关于做好2024年防汛工作的通知";
        var follower = db.Services.GetRequiredService<SearchFollower>();
        foreach (var round in new[] { "followed", "rebuilt" })
        {
            if (round == "rebuilt")
            {
                Assert.Equal(2, await follower.RebuildAsync());
                Assert.Equal(1, follower.LettersRebuilt);
            }
            else
                await follower.CatchUpAsync();
            Assert.Equal(Notice, await CatalogAsync(SearchQuery.Parse("防汛工作").Query!));
            Assert.Equal(Notice, await CatalogAsync(SearchQuery.Parse("青政发〔2024〕8号").Query!));
            // No word and no filter but dates: every catalog item, and still no letter (not even in the total).
            Assert.Equal(Notice, await CatalogAsync(new SearchQuery([], [], null, null), new(From: new DateOnly(2024, 1, 1))));
            Assert.Equal(["防汛工作建议"], await SubjectsAsync(db, "防汛工作"));
            Assert.Equal(["防汛工作建议"], await SubjectsAsync(db, "青政发〔2024〕8号"));   // a 文号 in a letter is words like any other
        }
    }

    [Fact]
    public async Task Letters_like_the_one_being_written_should_come_by_shared_words_and_search_should_say_when_the_index_is_rebuilt()
    {
        await using var db = await WithMailboxesAsync(DatabaseProvider.Sqlite, new DateOnly(2024, 5, 20));
        await LetterBuilder.PublishedAsync(db, "电梯故障", "金桂园，电梯，维修，物业。", "已督促物业对金桂园电梯进行全面检修。");
        await LetterBuilder.PublishedAsync(db, "电梯维修", "电梯，维修，物业，资金。", "维修资金可按应急程序申请使用。");
        await LetterBuilder.PublishedAsync(db, "物业收费", "物业，收费标准，公示。", "物业收费标准应当公示。");
        await db.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        await using var scope = db.Scope();
        var search = db.Get<LetterSearch>(scope);

        var alike = await search.SimilarAsync("金桂园电梯", "金桂园，电梯，维修，物业，资金，问题。");
        Assert.Equal(["电梯故障", "电梯维修"], alike.Select(h => h.Subject));   // five and four words in common; 「物业收费」 shares one
        Assert.Empty(await search.SimilarAsync("你好", "谢谢。"));

        var index = db.Services.GetRequiredService<CatalogIndex>();
        index.Rebuilding = true;
        await Assert.ThrowsAsync<SearchUnavailableException>(() => search.SearchAsync(null, new()));
        await Assert.ThrowsAsync<SearchUnavailableException>(() => search.SimilarAsync("金桂园电梯", "电梯维修"));
        index.Rebuilding = false;
    }
}
