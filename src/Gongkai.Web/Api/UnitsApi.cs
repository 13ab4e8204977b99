using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Units;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>/api/v1/units (public: the unit tree and each 指南) and /api/v1/office/units (staff, inside their subtree).</summary>
public static class UnitsApi
{
    /// <summary>A unit in the public tree.</summary>
    public sealed record UnitNode(string Code, string Name, string ShortName, UnitKind Kind, string KindName, string? Parent, List<UnitNode> Children);

    /// <summary>A unit with its 政府信息公开指南 contact data (条例第十二条).</summary>
    public sealed record UnitGuide(
        string Code, string Name, string ShortName, UnitKind Kind, string KindName, string? Parent,
        string OfficeName, string OfficeAddress, string PostalCode, string OfficeHours, string Phone, string Fax, string WebContact)
    {
        public static UnitGuide Of(Unit u, string? parentCode) => new(u.Code, u.FullName, u.ShortName, u.Kind, u.Kind.ChineseName(),
            parentCode, u.OfficeName, u.OfficeAddress, u.PostalCode, u.OfficeHours, u.Phone, u.Fax, u.WebContact);
    }

    /// <summary>What a staff member sends to change a unit; the parent stays unless <c>parent</c> names another unit.</summary>
    public sealed record UnitChange(
        string Name, string ShortName, UnitKind Kind, string? Parent, string? Code,
        string OfficeName = "", string OfficeAddress = "", string PostalCode = "", string OfficeHours = "",
        string Phone = "", string Fax = "", string WebContact = "");

    public static void MapUnitsApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/units").WithTags("机关目录");
        open.MapGet("/", TreeAsync).WithName("Units").WithSummary("机关树：每个单位的代码、名称、类型和上级单位");
        open.MapGet("/{code}", GuideAsync).WithName("Unit").Produces<UnitGuide>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("单位的政府信息公开指南信息");

        var office = app.MapStaffGroup("/api/v1/office/units", "单位管理（工作人员）");
        office.MapGet("/", InScopeAsync).WithName("OfficeUnits").WithSummary("本账号管辖范围内的单位");
        office.MapGet("/{code}", StaffGuideAsync).WithName("OfficeUnit").Produces<UnitGuide>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("管辖范围内某单位的信息");
        office.MapPut("/{code}", ChangeAsync).WithName("OfficeUnitUpdate").Produces<UnitGuide>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改管辖范围内某单位的信息");
    }

    private static async Task<List<UnitNode>> TreeAsync(GongkaiDb db)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync();
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var byParent = units.ToLookup(u => u.ParentId);
        List<UnitNode> Level(Guid? parent) => [.. byParent[parent].Select(u => new UnitNode(u.Code, u.FullName, u.ShortName, u.Kind,
            u.Kind.ChineseName(), u.ParentId is { } p ? codes[p] : null, Level(u.Id)))];
        return Level(null);
    }

    private static async Task<IResult> GuideAsync(string code, GongkaiDb db) =>
        await FindAsync(db.Units, db, code) is { } found ? Results.Ok(found) : NotFound(code);

    private static async Task<List<UnitGuide>> InScopeAsync(HttpContext http, GongkaiDb db)
    {
        var units = (await http.StaffScope().UnitsIn(db).AsNoTracking().ToListAsync()).InTreeOrder().ToList();
        var parents = await ParentCodesAsync(db, units);
        return [.. units.Select(u => UnitGuide.Of(u, u.ParentId is { } p ? parents[p] : null))];
    }

    private static async Task<IResult> StaffGuideAsync(string code, HttpContext http, GongkaiDb db) =>
        await FindAsync(http.StaffScope().UnitsIn(db), db, code) is { } found ? Results.Ok(found) : NotFound(code);

    private static async Task<IResult> ChangeAsync(string code, UnitChange change, HttpContext http, GongkaiDb db, SaveUnit saveUnit)
    {
        var scope = http.StaffScope();
        var normalized = Normalize(code);
        var unit = await scope.UnitsIn(db).AsNoTracking().SingleOrDefaultAsync(u => u.Code == normalized);
        if (unit is null)
            return NotFound(code);
        var parentId = unit.ParentId;
        var parentCode = unit.ParentId is { } current ? await db.Units.Where(u => u.Id == current).Select(u => u.Code).SingleAsync() : null;
        if (change.Parent is { } wanted)
        {
            parentCode = Normalize(wanted);
            parentId = await db.Units.Where(u => u.Code == parentCode).Select(u => (Guid?)u.Id).SingleOrDefaultAsync() ?? Guid.Empty;
        }
        var details = new UnitDetails
        {
            FullName = change.Name,
            ShortName = change.ShortName,
            Code = change.Code ?? unit.Code,
            Kind = change.Kind,
            OfficeName = change.OfficeName,
            OfficeAddress = change.OfficeAddress,
            PostalCode = change.PostalCode,
            OfficeHours = change.OfficeHours,
            Phone = change.Phone,
            Fax = change.Fax,
            WebContact = change.WebContact,
        };
        var outcome = await saveUnit.HandleAsync(new SaveUnit.Input(unit.Id, parentId, details, unit.SortOrder), scope);
        return outcome.ToHttp(saved => UnitGuide.Of(saved, parentCode));
    }

    private static async Task<UnitGuide?> FindAsync(IQueryable<Unit> units, GongkaiDb db, string code)
    {
        var normalized = Normalize(code);
        var unit = await units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == normalized);
        if (unit is null)
            return null;
        var parent = unit.ParentId is { } p ? await db.Units.Where(u => u.Id == p).Select(u => u.Code).SingleAsync() : null;
        return UnitGuide.Of(unit, parent);
    }

    private static async Task<Dictionary<Guid, string>> ParentCodesAsync(GongkaiDb db, List<Unit> units)
    {
        var ids = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).Distinct().ToList();
        return await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code);
    }

    private static string Normalize(string code) => OrganisationCode.TryParse(code, out var parsed, out _) ? parsed!.Value : code.Trim();

    private static IResult NotFound(string code) =>
        Results.Problem($"没有代码为 {code} 的单位，或该单位不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
}
