using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>
/// The counts of interviews for reports: questions received (网民留言数量: every question sent, shown or not) and
/// answered (答复网民提问数量: those with a guest's answer). <see cref="FactsAsync"/> gives the facts the 统计表 and the
/// website report count (<see cref="InterviewFacts"/>): interviews held — published or concluded, not withdrawn — in a year.
/// </summary>
public static class InterviewCounts
{
    public readonly record struct Counts(int Received, int Answered);

    public static async Task<Dictionary<Guid, Counts>> ByInterviewAsync(GongkaiDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var rows = await db.InterviewQuestions.AsNoTracking().Where(q => ids.Contains(q.InterviewId)).GroupBy(q => q.InterviewId)
            .Select(g => new { g.Key, Received = g.Count(), Answered = g.Count(q => q.AnsweredAt != null) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new Counts(r.Received, r.Answered));
    }

    /// <summary>One <see cref="InterviewFacts"/> per interview of the units at <paramref name="unitPath"/> and below held in <paramref name="year"/> (China time).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Title, InterviewFacts Facts)>> FactsAsync(GongkaiDb db, string unitPath, int year, CancellationToken ct = default)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var to = from.AddYears(1);
        var interviews = await db.Interviews.AsNoTracking().Within(unitPath)
            .Where(i => (i.State == ParticipationState.Published || i.State == ParticipationState.Concluded) && i.StartsAt >= from && i.StartsAt < to)
            .OrderBy(i => i.StartsAt).Select(i => new { i.Id, i.Title, i.StartsAt, i.Guests }).ToListAsync(ct);
        var counts = await ByInterviewAsync(db, interviews.Select(i => i.Id).ToList(), ct);
        return [.. interviews.Select(i =>
        {
            var c = counts.GetValueOrDefault(i.Id);
            return (i.Id, i.Title, new InterviewFacts(i.StartsAt.ChinaDate(), i.Guests.Any(g => g.Principal), c.Received, c.Answered));
        })];
    }
}
