using Gongkai.App.Accounts;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// Runs the checks now for a unit (and, with <c>subtree</c>, every unit below it that has anything to check): keeps
/// Gongkai's own columns, runs the collectors, judges, and stores one <see cref="SiteCheckRun"/> with its findings per unit.
/// </summary>
public sealed class RunSiteCheck
{
    /// <param name="Trigger">定时 for the schedule; 手动 (and who) for a person or the CLI.</param>
    public sealed record Input(Guid UnitId, bool Subtree, string Trigger);

    /// <summary>The runs made, each with its report, the given unit's first.</summary>
    public Task<Outcome<IReadOnlyList<(SiteCheckRun Run, SiteCheckReport Report)>>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default) =>
        throw new NotImplementedException("issue 16: being built");
}
