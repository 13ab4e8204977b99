using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.App.PageCache;

/// <summary>
/// Records, with every save that changes what public pages show, a <see cref="PageChange"/> row naming the areas
/// changed (same transaction), and tells this process's <see cref="PageChanges"/> once the change has committed — after
/// the transaction that holds it, not before, so that no request in between can cache the old state again.
/// </summary>
public sealed class PageChangeRecorder(PageChanges changes, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } db)
            Flush(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } db)
            await Flush(db, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
            Flush(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            await Flush(db, cancellationToken);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
            pending.Remove(db);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Record(DbContext? db)
    {
        if (db is null)
            return;
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var areas = changed.Select(e => PortalAreas.Of(e.Metadata.ClrType)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (areas.Count > 0)
            db.Add(PageChange.Of(areas, clock.GetUtcNow().UtcDateTime));
        // A bulk writer adds its own row for what it wrote past the change tracker.
        areas.UnionWith(changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<PageChange>().SelectMany(p => p.AreaList));
        if (areas.Count > 0)
            pending.GetOrCreateValue(db).UnionWith(areas);
    }

    private ValueTask Flush(DbContext db, CancellationToken ct) =>
        pending.TryGetValue(db, out var areas) && pending.Remove(db) ? changes.CommittedAsync(areas, ct) : ValueTask.CompletedTask;
}
