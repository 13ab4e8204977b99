using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>
/// Issue 18: the reader over the corpus of real published reports (Corpus/reports, each with a truth file made by
/// reading it, Corpus/truth). The thresholds are the issue's; the full table of what is missed is printed by
/// <c>gongkai report audit --score</c> and by these tests' output.
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<ReportScore>> Scores = new(() =>
        [.. Corpus.Ids().Select(id => { var read = ReportReader.Read(Corpus.Report(id)); return ReaderScore.Score(Corpus.Truth(id), read, ReportAudit.Run(read)); })]);

    [Fact]
    public void The_corpus_should_hold_at_least_80_real_reports_each_with_its_source_and_truth()
    {
        var ids = Corpus.Ids();
        Assert.True(ids.Count >= 80, $"语料只有 {ids.Count} 份报告");
        Assert.All(ids, id =>
        {
            var truth = Corpus.Truth(id);
            var firstLine = Corpus.Report(id).Split('\n')[0].Trim();
            Assert.StartsWith("http", firstLine);
            Assert.Equal(truth.Source, firstLine);
            Assert.All(truth.Figures.Keys, key => Assert.True(
                key.Contains('.') || key == "fees", $"{id}: {key} 不是 Gongkai 的键"));
            Assert.All(truth.Approximate, key => Assert.Contains(key, truth.Figures.Keys));
        });
    }

    [Fact]
    public void Form_unit_and_year_should_be_right_in_95_percent_of_the_corpus()
    {
        var scores = Scores.Value;
        output.WriteLine(ReaderScore.Describe(scores));
        Assert.True(ReaderScore.Forms(scores).Share >= 0.95, $"格式 {ReaderScore.Forms(scores)}");
        Assert.True(ReaderScore.Units(scores).Share >= 0.95, $"单位 {ReaderScore.Units(scores)}");
        Assert.True(ReaderScore.Years(scores).Share >= 0.95, $"年度 {ReaderScore.Years(scores)}");
    }

    [Fact]
    public void At_least_95_percent_of_the_stated_figures_should_be_read_right_in_every_layout()
    {
        var scores = Scores.Value;
        output.WriteLine(ReaderScore.Describe(scores));
        Assert.True(ReaderScore.Figures(scores).Share >= 0.95, $"数字 {ReaderScore.Figures(scores)}");
        Assert.All(ReaderScore.FiguresBy(scores, t => t.Layout), g => Assert.True(g.Tally.Share >= 0.95, $"{g.Name} {g.Tally}"));
    }

    [Fact]
    public void No_figure_should_be_read_that_the_text_does_not_state()
    {
        var extras = Scores.Value.SelectMany(s => s.Extras).Select(e => $"{e.Id} {e.Key}={e.Read}「{e.Quote}」").ToList();
        Assert.True(extras.Count == 0, string.Join("\n", extras));
    }

    [Fact]
    public void Every_genuine_inconsistency_should_be_flagged_and_no_report_without_one_should_get_an_error()
    {
        var scores = Scores.Value;
        var unflagged = scores.SelectMany(s => s.Unflagged.Select(i => $"{s.Truth.Id}：{i.Note}")).ToList();
        Assert.True(unflagged.Count == 0, "未提示：\n" + string.Join("\n", unflagged));
        var falseErrors = scores.SelectMany(s => s.FalseErrors.Select(f => $"{s.Truth.Id}：{f.Message}")).ToList();
        Assert.True(falseErrors.Count == 0, "误报：\n" + string.Join("\n", falseErrors));
    }
}

/// <summary>Corpus/reports/ID.txt (the text as retrieved, its address on the first line) and Corpus/truth/ID.json.</summary>
internal static class Corpus
{
    private static string Folder => Path.Combine(ReadingFiles.Folder, "Corpus");

    public static IReadOnlyList<string> Ids() =>
        [.. Directory.EnumerateFiles(Path.Combine(Folder, "truth"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    public static string Report(string id) => File.ReadAllText(Path.Combine(Folder, "reports", id + ".txt"));

    public static CorpusTruth Truth(string id) => CorpusTruth.Parse(id, File.ReadAllText(Path.Combine(Folder, "truth", id + ".json")));
}
