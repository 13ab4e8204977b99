using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Letters.Stats;

/// <summary>The statistics' choice as the address carries it: unit, year, quarter or month, grouping.</summary>
public sealed class StatsQuery
{
    [FromQuery(Name = "unit")] public string? Unit { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "quarter")] public int? Quarter { get; set; }
    [FromQuery(Name = "month")] public int? Month { get; set; }
    [FromQuery(Name = "by")] public string? By { get; set; }

    public LetterStats.Grouping Grouping => Enum.TryParse<LetterStats.Grouping>(By, true, out var g) && Enum.IsDefined(g) ? g : LetterStats.Grouping.Mailbox;

    /// <summary>The query for <see cref="LetterStats"/>: this year and the account's own unit unless chosen.</summary>
    public async Task<LetterStats.Query> ResolveAsync(GongkaiDb db, StaffScope scope, int thisYear)
    {
        if (string.IsNullOrWhiteSpace(Unit) && !scope.IsSystemAdmin)
            Unit = await db.Units.AsNoTracking().Where(u => u.Path == scope.UnitPath).Select(u => u.Code).SingleOrDefaultAsync();
        Year ??= thisYear;
        return new(Unit, Year.Value, Month is null ? Quarter : null, Month, Grouping);
    }

    public string QueryString(string? key = null, Core.Letters.LetterFigure? figure = null) => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["unit"] = Unit, ["year"] = Year?.ToString(), ["quarter"] = Month is null ? Quarter?.ToString() : null, ["month"] = Month?.ToString(),
        ["by"] = Grouping.ToString().ToLowerInvariant(), ["key"] = key, ["figure"] = figure?.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public static string PeriodName(LetterStats.Query q) =>
        q.Month is { } m ? $"{q.Year}年{m}月" : q.Quarter is { } qu ? $"{q.Year}年第{"一二三四"[qu - 1]}季度" : $"{q.Year}年";
}
