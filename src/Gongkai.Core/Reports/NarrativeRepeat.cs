namespace Gongkai.Core.Reports;

/// <summary>
/// The narrative sections of an annual report that staff write (第五十条): 一、总体情况, 五、存在的主要问题及改进情况,
/// 六、其他需要报告的事项. Sections 二、三、四 are the tables.
/// </summary>
public enum NarrativeSection
{
    /// <summary>一、总体情况.</summary>
    Overview,

    /// <summary>五、存在的主要问题及改进情况.</summary>
    Problems,

    /// <summary>六、其他需要报告的事项.</summary>
    OtherMatters,

    /// <summary>
    /// 工作考核、社会评议和责任追究结果情况 — a government's report adds it (国办公开办函〔2021〕30号); a department's has none.
    /// </summary>
    Assessment,
}

public static class NarrativeSections
{
    public static IReadOnlyList<NarrativeSection> All { get; } = Enum.GetValues<NarrativeSection>();

    private static readonly IReadOnlyList<NarrativeSection> Department = [.. All.Where(s => s != NarrativeSection.Assessment)];

    /// <summary>The sections a unit's report has: a government's adds 工作考核、社会评议和责任追究结果情况.</summary>
    public static IReadOnlyList<NarrativeSection> For(Units.UnitKind kind) => kind == Units.UnitKind.Government ? All : Department;

    public static string Heading(this NarrativeSection section) => section switch
    {
        NarrativeSection.Overview => "一、总体情况",
        NarrativeSection.Problems => "五、存在的主要问题及改进情况",
        NarrativeSection.OtherMatters => "六、其他需要报告的事项",
        _ => "七、工作考核、社会评议和责任追究结果情况",
    };
}

/// <summary>
/// Whether a section repeats last year's published text (issue 5: 「a report that repeats last year's text is
/// flagged」). A warning, never a block. The measure: all whitespace removed, the texts are equal; or the Dice
/// coefficient of their character bigrams (2 × shared bigrams ÷ all bigrams of both, counted with multiplicity) is at
/// least 0.9 — a few words changed in a long text still counts as repeated, a rewritten paragraph does not.
/// </summary>
public static class NarrativeRepeat
{
    public const double Threshold = 0.9;

    public static bool Repeats(string? text, string? lastYear)
    {
        var (a, b) = (Squeeze(text), Squeeze(lastYear));
        if (a.Length == 0 || b.Length == 0)
            return false;
        return a == b || Similarity(a, b) >= Threshold;
    }

    /// <summary>The Dice coefficient of the character bigrams of two whitespace-free texts, 0 to 1.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
            return a == b ? 1 : 0;
        var counts = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < a.Length; i++)
            counts[(a[i], a[i + 1])] = counts.GetValueOrDefault((a[i], a[i + 1])) + 1;
        var shared = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            var bigram = (b[i], b[i + 1]);
            if (counts.GetValueOrDefault(bigram) is > 0 and var n)
            {
                counts[bigram] = n - 1;
                shared++;
            }
        }
        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }

    private static string Squeeze(string? text) => string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
}
