using Gongkai.App.Units;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.App.Accounts;

/// <summary>A staff member's sign-in account. It belongs to one unit and acts only inside that unit's subtree.</summary>
public class StaffAccount : IdentityUser, Units.IUnitOwned
{
    public string DisplayName { get; set; } = "";
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;

    /// <summary>When an administrator disabled the account (停用); a disabled account cannot sign in.</summary>
    public DateTime? DisabledAt { get; set; }
}
