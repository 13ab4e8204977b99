namespace Gongkai.App.PageCache;

/// <summary>
/// This process's listeners to committed page changes: the web node evicts its cached pages of the areas named, at once
/// (so the writer's next request sees its change); other nodes learn of it from the <c>page_changes</c> log.
/// </summary>
public sealed class PageChanges
{
    private volatile Func<IReadOnlyCollection<string>, CancellationToken, ValueTask>[] listeners = [];

    public void Listen(Func<IReadOnlyCollection<string>, CancellationToken, ValueTask> listener)
    {
        lock (this)
            listeners = [.. listeners, listener];
    }

    public async ValueTask CommittedAsync(IReadOnlyCollection<string> areas, CancellationToken ct = default)
    {
        if (areas.Count == 0)
            return;
        foreach (var listener in listeners)
            await listener(areas, ct);
    }
}
