using Gongkai.App.Accounts;
using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after <see cref="SeedDemoApplications"/>: reconsideration and litigation cases against some of
/// the demo refusals, so table 四 of the demo reports has something to count — most upheld, some corrected, a few
/// still open. Recorded through <see cref="SaveReviewCase"/>, as staff would. The same cases for the same data (fixed
/// seed). Adds nothing when any case exists.
/// </summary>
public sealed class SeedDemoCases(GongkaiDb db, SaveReviewCase save, TimeProvider clock)
{
    /// <summary>The generator's seed: 条例第五十一条, the remedies.</summary>
    private const int Seed = 51;

    /// <returns>How many cases were recorded.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.ReviewCases.AnyAsync(ct))
            return 0;
        var refusals = await db.Applications.AsNoTracking()
            .Where(a => a.AnsweredOn != null && a.Outcome != null
                && a.Outcome != Outcome.AlreadyPublic && a.Outcome != Outcome.Provided && a.Outcome != Outcome.PartiallyDisclosed)
            .OrderBy(a => a.AnsweredOn).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.AnsweredOn, Unit = a.Unit.Code, UnitName = a.Unit.ShortName, Parent = a.Unit.Parent!.FullName })
            .ToListAsync(ct);
        var (random, today, count) = (new Random(Seed), clock.Today(), 0);
        // One case a write, all in one transaction: a seed stopped halfway leaves no case, so the next run seeds them all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var refusal in refusals.Where(_ => random.Next(3) == 0))
        {
            var kind = random.Next(100) switch { < 60 => CaseKind.Reconsideration, < 85 => CaseKind.DirectSuit, _ => CaseKind.SuitAfterReconsideration };
            var filed = refusal.AnsweredOn!.Value.AddDays(random.Next(10, 55));
            if (filed > today)
                continue;
            var decided = filed.AddDays(kind == CaseKind.Reconsideration ? random.Next(30, 70) : random.Next(60, 180));
            var open = decided > today;
            var result = open ? CaseResult.Pending
                : random.Next(100) switch { < 72 => CaseResult.Upheld, < 88 => CaseResult.Corrected, _ => CaseResult.Other };
            var number = kind == CaseKind.Reconsideration
                ? $"{refusal.UnitName[..1]}复决字〔{filed.Year}〕{++count}号"
                : $"（{filed.Year}）青01{random.Next(2, 4):D2}行初{++count}号";
            var details = new CaseDetails
            {
                Kind = kind,
                CaseNumber = number,
                ReviewingBody = kind == CaseKind.Reconsideration ? refusal.Parent ?? "省人民政府（演示）" : "青岚市映月区人民法院",
                FiledOn = filed,
                DecidedOn = open ? null : decided,
                Result = result,
                Note = "演示数据",
            };
            var outcome = await save.HandleAsync(new(null, refusal.Unit, refusal.Id.ToString(), details), StaffScope.System, ct);
            if (!outcome.Succeeded)
                throw new InvalidOperationException($"演示案件无法登记：{string.Join("；", outcome.Problems)}");
        }
        await transaction.CommitAsync(ct);
        return count;
    }
}
