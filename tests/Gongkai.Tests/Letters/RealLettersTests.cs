using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Letters;

/// <summary>
/// Real letters published by city mailboxes (Real/published-letters.jsonl, each with its source address): they import
/// as published letters, their answers pass the personal-data screen as they were published, and a new letter in
/// other words about the same matter is shown them before it is sent.
/// </summary>
public class RealLettersTests
{
    private static string RealFile => Path.Combine(FindUp("tests"), "Gongkai.Tests", "Letters", "Real", "published-letters.jsonl");

    private static string FindUp(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, folder)))
                return Path.Combine(dir.FullName, folder);
        }
        throw new DirectoryNotFoundException(folder);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Real_published_letters_should_import_and_answer_a_new_letter_about_the_same_matter(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-real-").FullName, "real.jsonl");
        // The writers' names were never published: the import needs a name and phone, so the file gets placeholders.
        var lines = (await File.ReadAllLinesAsync(RealFile)).Where(l => l.Length > 0).Select(l =>
        {
            var row = JsonNode.Parse(l)!.AsObject();
            row["mailbox"] = SeedDemoData.CodeOf("city");
            row["name"] = "网民";
            row["phone"] = "12345678";
            row["publish_consent"] = "是";
            return row.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        });
        await File.WriteAllLinesAsync(file, lines);
        var run = await CliRun.RunAsync(test, "letters", "import", file);
        Assert.True(run.ExitCode == 0, run.Error);

        await test.Services.GetRequiredService<SearchFollower>().CatchUpAsync();   // what every node's background indexer does about once a second
        await using var scope = test.Scope();
        var search = test.Get<LetterSearch>(scope);
        var found = await search.SearchAsync(SearchQuery.Parse("垃圾 清理").Query, new LetterSearch.Filter());
        Assert.Contains(found.Hits, h => h.Number == "REAL20240724");
        var similar = await search.SimilarAsync("公园杂草和垃圾", "竹叶海公园里面垃圾没人清理，杂草很多，请尽快处理。");
        Assert.Equal("REAL20240724", similar.First().Number);
    }
}
