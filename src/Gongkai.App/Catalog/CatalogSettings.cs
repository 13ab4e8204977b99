using Gongkai.Core.Catalog;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Catalog;

/// <summary>Deployment settings of the catalog, read from configuration.</summary>
public static class CatalogSettings
{
    /// <summary>
    /// Catalog:IndexNumber:YearForm (Year | YearMonth), :SerialWidth, :PrefixSeparator, :SerialSeparator,
    /// :OrganisationCodeFromCreditCode. Unset keys keep the 实施指引's defaults; a bad combination stops the start.
    /// </summary>
    public static IndexNumberFormat IndexNumberFormat(IConfiguration configuration)
    {
        var section = configuration.GetSection("Catalog:IndexNumber");
        var defaults = Core.Catalog.IndexNumberFormat.Default;
        var format = new IndexNumberFormat
        {
            YearForm = section.GetValue("YearForm", defaults.YearForm),
            SerialWidth = section.GetValue("SerialWidth", defaults.SerialWidth),
            PrefixSeparator = section["PrefixSeparator"] ?? defaults.PrefixSeparator,
            SerialSeparator = section["SerialSeparator"] ?? defaults.SerialSeparator,
            OrganisationCodeFromCreditCode = section.GetValue("OrganisationCodeFromCreditCode", defaults.OrganisationCodeFromCreditCode),
        };
        return format.Problem() is { } problem ? throw new InvalidOperationException($"配置项 Catalog:IndexNumber 有误：{problem}") : format;
    }

    /// <summary>Catalog:Attachments:MaxBytes, the largest file an item takes (default <see cref="AttachmentRules.DefaultMaxBytes"/>).</summary>
    public static AttachmentLimits AttachmentLimits(IConfiguration configuration)
    {
        var maxBytes = configuration.GetValue("Catalog:Attachments:MaxBytes", AttachmentRules.DefaultMaxBytes);
        return maxBytes > 0 ? new AttachmentLimits(maxBytes)
            : throw new InvalidOperationException($"配置项 Catalog:Attachments:MaxBytes 有误：{maxBytes} 不是正数。");
    }
}

/// <param name="MaxBytes">The largest file, in bytes.</param>
/// <param name="MaxPerItem">How many files one item may carry.</param>
public sealed record AttachmentLimits(long MaxBytes, int MaxPerItem = 20);
