using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web;

/// <summary>Whose portal this is: the top unit of the deployment (e.g. 青岚市人民政府), shown in every page's header.</summary>
public sealed class PortalIdentity(GongkaiDb db, PortalFooter footer)
{
    private string? name;

    public async Task<string> NameAsync() => name ??=
        await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => u.FullName).FirstOrDefaultAsync()
        ?? "政府信息公开平台";

    /// <summary>The footer's identity lines (主办单位, contact, 网站标识码, 备案号), from the <c>Portal:</c> configuration.</summary>
    public PortalFooter Footer => footer;
}

/// <summary>
/// The identity a government site shows in its footer (《政府网站发展指引》): 主办单位, how to reach it, 网站标识码 and the
/// ICP and 公安机关 filing numbers. Each comes from the <c>Portal:</c> configuration section; an empty one is left out.
/// </summary>
public sealed record PortalFooter(string Sponsor, string Address, string Phone, string Email, string SiteCode, string IcpRecord, string PublicSecurityRecord)
{
    public static PortalFooter From(IConfiguration configuration)
    {
        var portal = configuration.GetSection("Portal");
        string Read(string key) => (portal[key] ?? "").Trim();
        return new(Read("Sponsor"), Read("Contact:Address"), Read("Contact:Phone"), Read("Contact:Email"), Read("SiteCode"),
            Read("IcpRecord"), Read("PublicSecurityRecord"));
    }

    /// <summary>Whether any contact line is configured.</summary>
    public bool HasContact => Address.Length > 0 || Phone.Length > 0 || Email.Length > 0;

    /// <summary>Whether any filing line (网站标识码, ICP, 公安) is configured.</summary>
    public bool HasRecords => SiteCode.Length > 0 || IcpRecord.Length > 0 || PublicSecurityRecord.Length > 0;
}
