namespace Gongkai.Core.Participation;

/// <summary>
/// The results of one choice question of a survey (调查结果): how many respondents answered it and how many chose each
/// option. A percentage is of the respondents who answered the question, so a multiple-choice question's percentages may
/// add up to more than 100%; each is rounded half away from zero to one decimal place.
/// </summary>
public sealed record ChoiceTally(int Respondents, IReadOnlyList<int> Counts)
{
    public decimal Percent(int option) => SurveyTally.Percent(Counts[option], Respondents);

    /// <summary>
    /// Counts the chosen options of each response (option positions; an option outside the question or chosen twice in one
    /// response counts once or not at all).
    /// </summary>
    public static ChoiceTally Of(int options, IEnumerable<IEnumerable<int>> chosen)
    {
        var counts = new int[options];
        var respondents = 0;
        foreach (var response in chosen)
        {
            var picked = response.Where(o => o >= 0 && o < options).Distinct().ToList();
            if (picked.Count == 0)
                continue;
            respondents++;
            foreach (var o in picked)
                counts[o]++;
        }
        return new ChoiceTally(respondents, counts);
    }
}

public static class SurveyTally
{
    /// <summary><paramref name="count"/> of <paramref name="total"/> as a percentage to one decimal (0 when nobody answered).</summary>
    public static decimal Percent(int count, int total) => total <= 0 ? 0m : Math.Round(count * 100m / total, 1, MidpointRounding.AwayFromZero);
}
