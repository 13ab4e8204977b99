using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>
/// The monthly report of the site check (月度检查报告) for a unit, or for it and every unit below it: per unit the month's
/// last run (Beijing time) — its scorecard, veto items, score, result and findings — and, for a subtree, the units side by
/// side worst first. Units with no run in the month are listed as not checked.
/// </summary>
public sealed class CompileMonthlyReport(GongkaiDb db)
{
    public sealed record Input(string? UnitCode, int Year, int Month, bool Subtree);

    public sealed record UnitMonth(UnitStanding Standing, SiteCheckReport? Report);

    public sealed record Report(ScorecardUnit Top, int Year, int Month, bool Subtree, IReadOnlyList<UnitStanding> Table, IReadOnlyList<UnitMonth> Units)
    {
        public string Title => $"{Top.Name}{(Subtree ? "及所属单位" : "")}政府网站与政务新媒体自查月度报告（{Year}年{Month}月）";

        public string FileName(string extension) => $"网站自查月报-{Top.Code}{(Subtree ? "-含下级" : "")}-{Year}-{Month:00}.{extension}";
    }

    public async Task<Outcome<Report>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (input.Year is < 2000 or > 9999 || input.Month is < 1 or > 12)
            return Outcome<Report>.Invalid("Month", "请选择年月（如 2026-11）。");
        var top = await ScorecardUnits.FindAsync(db, actor, input.UnitCode, ct);
        if (top is null)
            return Outcome<Report>.Missing(ScorecardUnits.NoSuchUnit);
        var first = new DateOnly(input.Year, input.Month, 1);
        var (from, to) = (first.AtChinaHour(0), first.AddMonths(1).AtChinaHour(0));
        IReadOnlyList<ScorecardUnit> units = input.Subtree ? await ScorecardUnits.SubtreeAsync(db, top, ct) : [top];
        var standings = await ScorecardUnits.StandingsAsync(db, units, from, to, ct);
        var ids = standings.Where(s => s.Latest is not null).Select(s => s.Latest!.Id).ToList();
        var json = await db.SiteCheckRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.ScorecardJson }).ToDictionaryAsync(r => r.Id, r => r.ScorecardJson, ct);
        SiteCheckReport? Read(Guid id)
        {
            try
            {
                return json.TryGetValue(id, out var text) && !string.IsNullOrWhiteSpace(text) ? SiteCheckReport.FromJson(text) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
        var months = standings.Select(s => new UnitMonth(s, s.Latest is null ? null : Read(s.Latest.Id))).ToList();
        return Outcome<Report>.Done(new(top, input.Year, input.Month, input.Subtree, [.. UnitStanding.WorstFirst(standings)], months));
    }
}
