using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.App.Demo;

/// <summary>What the demo seed added.</summary>
public sealed record DemoSeeded(int Units, int Applications, int Items, int Cases, int ReportFigures, int Reports, int Letters, int Participation, int SiteCheck)
{
    public bool Nothing => Units + Applications + Items + Cases + ReportFigures + Reports + Letters + Participation + SiteCheck == 0;
}

/// <summary>
/// The whole demo (青岚市): `gongkai demo seed` and the portal's first start run the same seeds in the same order —
/// units, applications, the catalog, the cases against refusals, the table 二 figures from other systems, the published
/// annual reports of the last two years, the mailboxes and a year of letters, two years of
/// public participation (solicitations, surveys, interviews, press conferences, responses), and what the website
/// self-check looks at, checked once. Each adds
/// nothing when its data exists.
/// </summary>
public sealed class SeedDemo(IServiceProvider services)
{
    public async Task<DemoSeeded> HandleAsync(CancellationToken ct = default)
    {
        var units = await services.GetRequiredService<SeedDemoData>().HandleAsync(ct);
        var applications = await services.GetRequiredService<SeedDemoApplications>().HandleAsync(ct);
        var items = await services.GetRequiredService<SeedDemoCatalog>().HandleAsync(ct: ct);
        var cases = await services.GetRequiredService<SeedDemoCases>().HandleAsync(ct);
        var figures = await services.GetRequiredService<SeedDemoReportFigures>().HandleAsync(ct);
        var reports = await services.GetRequiredService<SeedDemoReports>().HandleAsync(ct);
        var letters = await services.GetRequiredService<SeedDemoLetters>().HandleAsync(ct);
        var participation = await services.GetRequiredService<SeedDemoParticipation>().HandleAsync(ct);
        var siteCheck = await services.GetRequiredService<SeedDemoSiteCheck>().HandleAsync(ct);
        return new(units, applications, items, cases, figures, reports, letters, participation, siteCheck);
    }
}
