namespace Gongkai.App.SiteCheck;

/// <summary>
/// One round of reachability probes of every active website (each homepage once, stored as <see cref="SiteProbe"/> rows).
/// The schedule calls it <c>SiteCheck:ProbesPerDay</c> times a day; when none is registered, the schedule does not probe.
/// </summary>
public interface ISiteProber
{
    Task ProbeAsync(CancellationToken ct = default);
}
