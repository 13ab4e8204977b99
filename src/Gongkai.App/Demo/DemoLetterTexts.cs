using System.Text;
using System.Text.Json;

namespace Gongkai.App.Demo;

/// <summary>
/// What the demo letters are written from (<c>demo-letters.json</c>, an embedded resource): fictional places of 青岚市,
/// topics by field of work with subjects, contents and answers, the website-error channel's reports, texts that are
/// screened out, and the office's notes. Placeholders in braces (<c>{C}</c> a community…) are filled per letter.
/// </summary>
internal sealed class DemoLetterTexts
{
    public sealed record Topic(string Field, string Type, string[] Subjects, string[] Contents, string[] Answers);

    public sealed record SiteErrors(string[] Subjects, string[] Contents, string[] Answers, string[] Pages);

    public sealed record Plain(string[] Subjects, string[] Contents);

    public sealed record OfficeNotes(string[] Deferred, string[] Extended, string[] Reminded, string[] ReturnedAnswer, string[] Returned);

    public required Dictionary<string, string[]> Places { get; init; }
    public required string[] Openings { get; init; }
    public required string[] Closings { get; init; }
    public required string[] AnswerOpenings { get; init; }
    public required string[] AnswerClosings { get; init; }
    public required Topic[] Topics { get; init; }
    public required SiteErrors SiteError { get; init; }
    public required Plain Empty { get; init; }
    public required Plain Advertising { get; init; }
    public required OfficeNotes Notes { get; init; }
    public required string[] Surnames { get; init; }
    public required string[] Given { get; init; }

    public static readonly Lazy<DemoLetterTexts> Bundled = new(() =>
    {
        using var stream = typeof(DemoLetterTexts).Assembly.GetManifestResourceStream("Gongkai.App.Demo.demo-letters.json")!;
        return JsonSerializer.Deserialize<DemoLetterTexts>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    });

    /// <summary>A template with each placeholder replaced by what <paramref name="fill"/> gives for its name.</summary>
    public static string Fill(string template, Func<string, string> fill)
    {
        if (!template.Contains('{'))
            return template;
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i) : -1;
            if (close < 0)
            {
                text.Append(template[i]);
                continue;
            }
            text.Append(fill(template[(i + 1)..close]));
            i = close;
        }
        return text.ToString();
    }
}
