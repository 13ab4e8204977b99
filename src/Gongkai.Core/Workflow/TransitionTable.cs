namespace Gongkai.Core.Workflow;

/// <summary>
/// The one place a record's states and the steps between them are written down: which step may happen in which state
/// and the state it leads to. Applications and letters each have one table; anything not in it is refused.
/// </summary>
public sealed class TransitionTable<TState, TStep>(IReadOnlyDictionary<(TState From, TStep Step), TState> table)
    where TState : struct, Enum where TStep : struct, Enum
{
    /// <summary>The state after <paramref name="step"/>, or null when it may not happen in <paramref name="state"/>.</summary>
    public TState? After(TState state, TStep step) => table.TryGetValue((state, step), out var next) ? next : null;

    /// <summary>The steps open in a state, in the order the table lists them (for a record's page).</summary>
    public IEnumerable<TStep> Allowed(TState state) => table.Keys.Where(k => EqualityComparer<TState>.Default.Equals(k.From, state)).Select(k => k.Step);

    /// <summary>Every (state, step) pair, for tests that walk the whole table.</summary>
    public IEnumerable<(TState From, TStep Step, TState To)> All => table.Select(p => (p.Key.From, p.Key.Step, p.Value));
}
