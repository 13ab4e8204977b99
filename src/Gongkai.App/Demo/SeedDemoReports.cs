using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Reports;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after the records and figures: the demo governments' and departments' annual reports of the two
/// last complete years, written and published through <see cref="SaveReportNarrative"/> and
/// <see cref="PublishAnnualReport"/> as an office would — the text quotes the compiled figures, so the narrative check
/// holds — then dated as if published in time (most by their 第四十九条 deadline, one department late, one government's
/// latest still unpublished), so /nb and the supervisors' status page have something to show. Adds nothing when any
/// report exists.
/// </summary>
public sealed class SeedDemoReports(GongkaiDb db, SaveReportNarrative save, PublishAnnualReport publish, CompileReport compile, TimeProvider clock)
{
    private static readonly string[] Problems =
    [
        "一是部分单位主动公开信息更新不够及时，栏目维护有待加强。\n二是政策解读形式较为单一，图解、视频等解读较少。\n下一步，将加强培训和督促检查，推动公开工作提质增效。",
        "一是依申请公开答复文书规范化程度有待提高。\n二是基层政务公开标准目录的落实还不够深入。\n下一步，将完善答复文书范本，开展基层政务公开专项检查。",
    ];

    /// <returns>How many reports were published.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.AnnualReports.AnyAsync(ct) || !await db.Units.AnyAsync(u => u.Code == SeedDemoData.CityCode, ct))
            return 0;
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Government || u.Kind == UnitKind.Department)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Code, u.FullName, u.Kind }).ToListAsync(ct);
        var today = clock.Today();
        var (published, n) = (0, 0);
        // Each report is written, published and dated in three writes; all of them in one transaction, so a seed stopped
        // halfway leaves no report (and no undated one), and the next run seeds them all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var year = today.Year - 2; year < today.Year; year++)
        {
            foreach (var unit in units)
            {
                n++;
                var government = unit.Kind == UnitKind.Government;
                if (government && year == today.Year - 1 && unit.Code != SeedDemoData.CityCode && n % 2 == 0)
                    continue;   // a district government that has not published yet
                var scope = government ? ReportScope.Jurisdiction : ReportScope.Unit;
                var compiled = (await compile.HandleAsync(unit.Code, year, scope, ct)).Value!;
                var f = compiled.Figures;
                decimal V(string key) => f[key]?.Value ?? 0;
                var overview = $"{year}年，{unit.FullName}" + (year % 2 == 0
                        ? "深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕中心工作做好主动公开、依申请公开和政策解读。\n"
                        : "以提升政务公开质量为重点，完善主动公开目录和政策解读机制，规范依申请公开办理流程，加强公开平台建设和人员培训。\n")
                    + $"全年共收到政府信息公开申请{V("t3.received.total")}件，上年结转{V("t3.carried_over.total")}件，"
                    + $"办理完毕{V("t3.outcomes.total.total")}件，结转下年度继续办理{V("t3.carried_forward.total")}件。"
                    + $"发生政府信息公开行政复议{V("t4.reconsideration.total")}件。";
                var written = await save.HandleAsync(new(unit.Code, year, scope, overview, Problems[year % 2], "无。",
                    government ? "将政府信息公开工作纳入年度绩效考核，本年度未发生因政府信息公开工作被责任追究的情形。" : null), StaffScope.System, ct);
                var done = written.Succeeded ? await publish.HandleAsync(new(unit.Code, year, scope,
                    OverrideReason: "演示数据：记录为虚构数据。"), StaffScope.System, ct) : null;
                if (done?.Succeeded != true)
                    continue;
                // Dated as published in time: departments in January, governments in March; one department a week late.
                var day = government ? new DateOnly(year + 1, 3, 10 + n % 15) : new DateOnly(year + 1, 1, 8 + n % 20);
                if (!government && n % 11 == 0)
                    day = new DateOnly(year + 1, 2, 7);
                var report = done.Value!.Report;
                report.PublishedAt = report.FirstPublishedAt = day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                await db.SaveChangesAsync(ct);
                published++;
            }
        }
        await transaction.CommitAsync(ct);
        return published;
    }
}
