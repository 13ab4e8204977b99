using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Backup;

/// <summary>
/// What a database holds, counted: written into a backup's manifest from the backup's own snapshot, and compared with
/// the restored database. Attachments (附件) and the documents released with answers live in the database, so they are
/// counted here and travel inside the database backup.
/// </summary>
public sealed record PlatformCounts(
    int Units, int StaffAccounts, int Applications, int ApplicationLogEntries, int ApplicationDocuments,
    int CatalogItems, int PublishedItems, int CatalogAttachments, int Cases, int CaseLogEntries, int Reports)
{
    public static async Task<PlatformCounts> OfAsync(GongkaiDb db, CancellationToken ct = default) => new(
        await db.Units.CountAsync(ct),
        await db.Users.CountAsync(ct),
        await db.Applications.CountAsync(ct),
        await db.ApplicationLog.CountAsync(ct),
        await db.ApplicationDocuments.CountAsync(ct),
        await db.CatalogItems.CountAsync(ct),
        await db.CatalogItems.CountAsync(i => i.State == CatalogState.Published, ct),
        await db.CatalogAttachments.CountAsync(ct),
        await db.ReviewCases.CountAsync(ct),
        await db.ReviewCaseLog.CountAsync(ct),
        await db.AnnualReports.CountAsync(r => r.State == AnnualReportState.Published, ct));

    /// <summary>Nothing a user would miss: no unit, account, application, item, case or report (a database `db migrate` just made).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Lines().All(l => l.Count == 0);

    /// <summary>Each count with its Chinese name, in the order they are printed.</summary>
    public IReadOnlyList<(string Name, int Count)> Lines() =>
    [
        ("单位", Units), ("工作人员账号", StaffAccounts), ("依申请公开申请", Applications), ("申请办理记录", ApplicationLogEntries),
        ("答复所附文件", ApplicationDocuments), ("主动公开信息（全部）", CatalogItems), ("其中已发布", PublishedItems),
        ("信息附件", CatalogAttachments), ("复议诉讼案件", Cases), ("案件记录", CaseLogEntries), ("已公开的年度报告", Reports),
    ];
}
