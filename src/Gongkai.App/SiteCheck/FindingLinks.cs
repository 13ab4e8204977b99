namespace Gongkai.App.SiteCheck;

/// <summary>Where staff see or fix what a finding is about, by the target's kind and id: the office page of its kind.</summary>
public static class FindingLinks
{
    /// <param name="unitCode">The unit checked (the site check's own pages are per unit).</param>
    public static string? OfficeUrl(string kind, string id, string unitCode)
    {
        string Own(string page) => $"/office/site-check/{page}?unit={Uri.EscapeDataString(unitCode)}&id={Uri.EscapeDataString(id)}";
        return kind switch
        {
            "column" => Own("columns"),
            "account" => Own("accounts"),
            "site" => Own("websites"),
            "item" when Guid.TryParse(id, out var item) => $"/office/catalog/{item}",
            "letter" when Guid.TryParse(id, out var letter) => $"/office/letters/{letter}",
            "solicitation" when Guid.TryParse(id, out var s) => $"/office/participation/solicitations/{s}",
            "interview" when Guid.TryParse(id, out var i) => $"/office/participation/interviews/{i}",
            "unit" when Guid.TryParse(id, out var unit) => $"/office/units/edit/{unit}",
            "link" when Uri.TryCreate(id, UriKind.Absolute, out var link) && link.Scheme.StartsWith("http", StringComparison.Ordinal) => link.AbsoluteUri,
            _ => null,
        };
    }
}
