using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>
/// Publishes a unit's report for a year on the portal (第四十九条): compiles the figures now (<see cref="CompileReport"/>),
/// refuses before the year has ended (<see cref="ReportDeadline.TooEarly"/>: its statistics are incomplete), refuses while the checks find errors unless a reason to override them is given (recorded with the report, issue 5),
/// and fixes the figures, findings and the draft's text as the published report. A published report may be published
/// again (a new snapshot) with a note saying why. Sections repeating last year's published text are a warning only.
/// </summary>
public sealed class PublishAnnualReport(GongkaiDb db, CompileReport compile, TimeProvider clock)
{
    /// <param name="OverrideReason">Why errors among the findings do not stop publication; ignored when there are none.</param>
    /// <param name="Note">For a report already published: why it is published again.</param>
    public sealed record Input(string UnitCode, int Year, ReportScope Scope, string? OverrideReason = null, string? Note = null);

    public async Task<Outcome<ReportWritten>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        var (report, refusal) = await SaveReportNarrative.ReportFor(db, clock, input.UnitCode, input.Year, actor, ct);
        if (report is null)
            return refusal!;
        if (ReportDeadline.TooEarly(input.Year, clock.Today()) is { } tooEarly)
            return Outcome<ReportWritten>.Invalid("Year", tooEarly);
        if (report.Overview.Length == 0)
            return Outcome<ReportWritten>.Invalid("Overview", "请先填写并保存「一、总体情况」。");
        var compiled = await compile.HandleAsync(input.UnitCode, input.Year, input.Scope, ct);
        if (!compiled.Succeeded)
            return Outcome<ReportWritten>.Invalid(compiled.Problems);
        var checkedReport = report.Checked(compiled.Value!);
        var findings = checkedReport.Findings;
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        var (reason, note) = ((input.OverrideReason ?? "").Trim(), (input.Note ?? "").Trim());
        var problems = new List<Problem>();
        if (errors.Count > 0 && reason.Length == 0)
            problems.Add(new("OverrideReason", $"勾稽关系检查发现 {errors.Count} 个错误：{string.Join("；", errors.Select(e => e.Message))} 请更正记录，或填写仍予公开的理由。"));
        if (report.State == AnnualReportState.Published && note.Length == 0)
            problems.Add(new("Note", "该报告已公开；重新公开时请说明修改了什么、为什么。"));
        if (reason.Length > AnnualReport.MaxReason || note.Length > AnnualReport.MaxReason)
            problems.Add(new(reason.Length > AnnualReport.MaxReason ? "OverrideReason" : "Note", $"理由和说明不能超过 {AnnualReport.MaxReason} 个字符。"));
        if (problems.Count > 0)
            return Outcome<ReportWritten>.Invalid(problems);

        report.Snapshot(checkedReport);
        report.State = AnnualReportState.Published;
        report.PublishedAt = clock.GetUtcNow().UtcDateTime;
        report.FirstPublishedAt ??= report.PublishedAt;
        (report.PublishedById, report.PublishedByName) = (actor.AccountId, actor.DisplayName);
        report.OverrideReason = errors.Count > 0 ? reason : null;
        report.RepublicationNote = report.Publications > 0 ? note : "";
        report.Publications++;
        await db.SaveChangesAsync(ct);
        var lastYear = await db.AnnualReports.PublishedAsync(report.UnitId, report.Year - 1, ct);
        return Outcome<ReportWritten>.Done(new(report, report.RepeatedSections(lastYear), findings));
    }
}
