using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web;

/// <summary>Whose portal this is: the top unit of the deployment (e.g. 青岚市人民政府), shown in every page's header.</summary>
public sealed class PortalIdentity(GongkaiDb db)
{
    private string? name;

    public async Task<string> NameAsync() => name ??=
        await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => u.FullName).FirstOrDefaultAsync()
        ?? "政府信息公开平台";
}
