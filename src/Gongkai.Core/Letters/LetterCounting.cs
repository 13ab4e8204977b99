using Gongkai.Core.Calendar;

namespace Gongkai.Core.Letters;

/// <summary>The figures offices publish about letters; each is also a key to drill down to the letters it counts.</summary>
public enum LetterFigure
{
    /// <summary>收到来信.</summary>
    Received,
    /// <summary>有效来信.</summary>
    Valid,
    /// <summary>无效来信.</summary>
    Invalid,
    /// <summary>转出（信访、纪检、其他政府）.</summary>
    TransferredOut,
    /// <summary>已答复 (办结 included).</summary>
    Answered,
    /// <summary>按期答复.</summary>
    AnsweredOnTime,
    /// <summary>逾期: answered after the due date, or open and past it.</summary>
    Overdue,
    /// <summary>待受理或办理中.</summary>
    Open,
    /// <summary>已评价 (逾期未评价视为满意 included).</summary>
    Rated,
    /// <summary>满意或基本满意.</summary>
    Satisfied,
    /// <summary>公开选登.</summary>
    Published,
}

/// <summary>One group of letters that count alike: how many there are with these facts.</summary>
/// <param name="PastDue">Open with a due date before the day counted on.</param>
/// <param name="AnsweredOn">The answer's day (for a group answered on several days, any of them, with <see cref="WorkingDays"/> given).</param>
public sealed record LetterFact(LetterState State, DateOnly ReceivedOn, bool PastDue, DateOnly? AnsweredOn, bool AnsweredOnTime, LetterRating? Rating, bool Published, int Count)
{
    /// <summary>
    /// The working days from arrival to answer, summed over the group's letters, when the caller has them (the letters'
    /// stored <c>AnswerWorkingDays</c>); otherwise they are counted from <see cref="ReceivedOn"/> to <see cref="AnsweredOn"/>.
    /// </summary>
    public long? WorkingDays { get; init; }
}

/// <summary>A group's figures: counts by <see cref="LetterFigure"/>, the average working days to answer and the satisfaction rate.</summary>
public sealed record LetterFigures(IReadOnlyDictionary<LetterFigure, long> Counts, double? AverageWorkingDays, double? SatisfactionRate)
{
    public long this[LetterFigure figure] => Counts.TryGetValue(figure, out var n) ? n : 0;
}

/// <summary>
/// Counts letters into the figures offices publish (received, valid, invalid, transferred, answered, on time, overdue,
/// average working days to answer, satisfaction, published). The same counting serves the public statistics page, the
/// staff page and export, `gongkai letters stats`, and the 互动交流 part of the 《政府网站工作年度报表》.
/// </summary>
public static class LetterCounting
{
    public static bool Counts(LetterFigure figure, LetterFact f) => figure switch
    {
        LetterFigure.Received => true,
        LetterFigure.Valid => f.State.IsValid(),
        LetterFigure.Invalid => f.State == LetterState.Invalid,
        LetterFigure.TransferredOut => f.State == LetterState.TransferredOut,
        LetterFigure.Answered => f.AnsweredOn is not null,
        LetterFigure.AnsweredOnTime => f.AnsweredOn is not null && f.AnsweredOnTime,
        LetterFigure.Overdue => f.AnsweredOn is not null ? !f.AnsweredOnTime : f.State.IsOpen() && f.PastDue,
        LetterFigure.Open => f.State.IsOpen(),
        LetterFigure.Rated => f.Rating is not null,
        LetterFigure.Satisfied => f.Rating is { } r && r.CountsAsSatisfied(),
        LetterFigure.Published => f.Published,
        _ => false,
    };

    public static LetterFigures Count(IEnumerable<LetterFact> facts, WorkCalendar calendar)
    {
        var counts = Enum.GetValues<LetterFigure>().ToDictionary(f => f, _ => 0L);
        long answeredDays = 0, answered = 0;
        foreach (var fact in facts)
        {
            foreach (var figure in Enum.GetValues<LetterFigure>())
            {
                if (Counts(figure, fact))
                    counts[figure] += fact.Count;
            }
            if (fact.AnsweredOn is { } on)
            {
                answeredDays += fact.WorkingDays ?? (long)LetterClock.WorkingDaysToAnswer(calendar, fact.ReceivedOn, on) * fact.Count;
                answered += fact.Count;
            }
        }
        var rated = counts[LetterFigure.Rated];
        return new LetterFigures(counts, answered == 0 ? null : Math.Round((double)answeredDays / answered, 1),
            rated == 0 ? null : Math.Round(100.0 * counts[LetterFigure.Satisfied] / rated, 1));
    }

    public static string ChineseName(this LetterFigure figure) => figure switch
    {
        LetterFigure.Received => "收到来信",
        LetterFigure.Valid => "有效来信",
        LetterFigure.Invalid => "无效来信",
        LetterFigure.TransferredOut => "转出",
        LetterFigure.Answered => "已答复",
        LetterFigure.AnsweredOnTime => "按期答复",
        LetterFigure.Overdue => "逾期",
        LetterFigure.Open => "办理中",
        LetterFigure.Rated => "已评价",
        LetterFigure.Satisfied => "满意（含基本满意）",
        _ => "公开选登",
    };
}
