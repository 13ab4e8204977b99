using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Backup;

/// <summary>
/// An office at work on another task, through the use cases, one commit after the other: an online application, then a
/// catalog item drafted, given a PDF attachment, submitted and published — round after round until stopped. It keeps
/// every commit in order, so a restored database can be checked to hold exactly the commits before some moment.
/// </summary>
internal sealed class OfficeAtWork(TestDatabase db, StaffScope staff)
{
    /// <summary>In the title of every item the office publishes, and of no demo item.</summary>
    public const string Phrase = "备份演练";

    private enum Step { Application, Draft, Attachment, Submitted, Published }

    private readonly List<(Step Step, Guid Id)> steps = [];
    private readonly List<(int Count, TaskCompletionSource Done)> waiting = [];
    private readonly Lock guard = new();
    private int roundsDone;

    /// <summary>How many commits so far.</summary>
    public int Commits
    {
        get
        {
            lock (guard)
                return steps.Count;
        }
    }

    /// <summary>How many commits were done before the backup began: the restore must hold at least these.</summary>
    public int CommittedBefore { get; set; }

    /// <summary>Completes when <paramref name="count"/> rounds are committed.</summary>
    public Task Rounds(int count)
    {
        lock (guard)
        {
            if (roundsDone >= count)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((count, done));
            return done.Task;
        }
    }

    public Task RunAsync(CancellationToken stop) => Task.Run(async () =>
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            Commit(Step.Application, await Do<SubmitApplication, SubmitApplication.Receipt>(u => u.OnlineAsync(SeedDemoData.CodeOf("jyj"),
                ApplicationBuilder.Person($"{Phrase}第{n}轮申请公开的文件"))));
            var draft = CatalogWorkflowTests.Notice($"关于{Phrase}第{n}轮的通知") with { FormedOn = db.Clock.Today() };
            var id = Commit(Step.Draft, await Do<SaveCatalogDraft, CatalogItem>(u => u.HandleAsync(new(null, SeedDemoData.CodeOf("city"), draft), staff)));
            var pdf = AttachmentTextTests.Pdf($"Backup drill {n}");
            Commit(Step.Attachment, await Do<AddCatalogAttachment, AttachmentRow>(u => u.HandleAsync(new(id, $"附件{n}.pdf", pdf.Length, new MemoryStream(pdf)), staff)), id);
            Commit(Step.Submitted, await Do<SubmitCatalogItem, CatalogItem>(u => u.HandleAsync(id, staff)));
            Commit(Step.Published, await Do<PublishCatalogItem, CatalogItem>(u => u.HandleAsync(new(id), staff)));
            lock (guard)
            {
                roundsDone = n;
                foreach (var (_, done) in waiting.Where(w => w.Count <= n))
                    done.TrySetResult();
            }
        }
    });

    /// <summary>
    /// The restored database holds a prefix of the commits — all of them up to the backup's snapshot and none after
    /// (an item published there has its 索引号 and attachment) — and at least those committed before the backup began.
    /// </summary>
    public async Task AssertRestoredIsASnapshotAsync(GongkaiDb restored)
    {
        var applications = (await restored.Applications.Select(a => a.Id).ToListAsync()).ToHashSet();
        var items = await restored.CatalogItems.Where(i => i.Title.Contains(Phrase)).Select(i => new { i.Id, i.State, i.IndexNumber }).ToDictionaryAsync(i => i.Id);
        var pdfs = (await restored.CatalogAttachments.Where(a => items.Keys.Contains(a.ItemId)).Select(a => new { a.ItemId, a.Content }).ToListAsync())
            .Where(a => a.Content.AsSpan().StartsWith("%PDF"u8)).Select(a => a.ItemId).ToList();
        bool Holds((Step Step, Guid Id) s) => s.Step switch
        {
            Step.Application => applications.Contains(s.Id),
            Step.Draft => items.ContainsKey(s.Id),
            Step.Attachment => pdfs.Count(id => id == s.Id) == 1,
            Step.Submitted => items.TryGetValue(s.Id, out var i) && i.State is CatalogState.Submitted or CatalogState.Published,
            _ => items.TryGetValue(s.Id, out var i) && i.State == CatalogState.Published && i.IndexNumber is not null,
        };
        List<(Step, Guid)> all;
        lock (guard)
            all = [.. steps];
        var held = all.Select(Holds).ToList();
        var prefix = held.TakeWhile(h => h).Count();
        Assert.True(held.Skip(prefix).All(h => !h), $"restored commits are not a prefix: {string.Concat(held.Select(h => h ? '1' : '0'))}");
        Assert.True(prefix >= CommittedBefore, $"{prefix} commits restored, {CommittedBefore} were committed before the backup began");
    }

    private Guid Commit(Step step, Guid id, Guid? itemId = null)
    {
        lock (guard)
            steps.Add((step, itemId ?? id));
        return itemId ?? id;
    }

    private Guid Commit(Step step, SubmitApplication.Receipt receipt) => Commit(step, receipt.Id);

    private Guid Commit(Step step, CatalogItem item) => Commit(step, item.Id);

    private Guid Commit(Step step, AttachmentRow attachment, Guid itemId) => Commit(step, attachment.Id, itemId);

    /// <summary>One use case in its own scope, as one request would run it; it must succeed.</summary>
    private async Task<T> Do<TUseCase, T>(Func<TUseCase, Task<Outcome<T>>> run) where TUseCase : notnull
    {
        await using var scope = db.Scope();
        var outcome = await run(db.Get<TUseCase>(scope));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!;
    }
}
