using Gongkai.App.Units;
using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// A step that reads the network for one unit before the check judges it — external columns' newest dates, new-media
/// feeds, links — storing what it read (on <see cref="SiteColumn"/>, <see cref="NewMediaAccount"/>, <see cref="LinkCheck"/>)
/// and returning findings of its own (a dead link, a column that could not be read). Registered as
/// <c>AddScoped&lt;ISiteCollector, …&gt;</c>; <see cref="RunSiteCheck"/> runs every registered one.
/// </summary>
public interface ISiteCollector
{
    Task<IReadOnlyList<Finding>> CollectAsync(Unit unit, CancellationToken ct = default);
}
