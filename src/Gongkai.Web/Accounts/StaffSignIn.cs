using System.Security.Claims;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Accounts;

/// <summary>Staff sign-in with ASP.NET Core Identity on the Gongkai database, and the scope of the signed-in account.</summary>
public static class StaffSignIn
{
    public const string CookieName = "gongkai.staff";

    public static void AddStaffSignIn(this IServiceCollection services)
    {
        services.AddIdentity<StaffAccount, IdentityRole>(StaffIdentity.Configure)
            .AddEntityFrameworkStores<GongkaiDb>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddUserConfirmation<EnabledAccountsOnly>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            // Strict: no other site can send a request that carries the staff cookie, which also guards the JSON API against CSRF.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/office/signin";
            cookie.LogoutPath = "/office/signout";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
        });
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The signed-in account's scope, loaded once per request; null when nobody is signed in or the account was disabled.</summary>
    public static async Task<App.Accounts.StaffScope?> LoadStaffScopeAsync(this HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(App.Accounts.StaffScope), out var cached))
            return (App.Accounts.StaffScope?)cached;
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var scope = id is null ? null : await App.Accounts.StaffScope.LoadAsync(http.RequestServices.GetRequiredService<GongkaiDb>(), id, http.RequestAborted);
        http.Items[typeof(App.Accounts.StaffScope)] = scope;
        return scope;
    }

    /// <summary>The scope loaded by <see cref="StaffScopeFilter"/> for an office page.</summary>
    public static App.Accounts.StaffScope StaffScope(this HttpContext http) =>
        http.Items[typeof(App.Accounts.StaffScope)] as App.Accounts.StaffScope ?? throw new InvalidOperationException("No staff scope on this request.");
}

/// <summary>A disabled (停用) account may not sign in: Identity reports it as NotAllowed.</summary>
internal sealed class EnabledAccountsOnly : IUserConfirmation<StaffAccount>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffAccount> manager, StaffAccount user) => Task.FromResult(user.DisabledAt is null);
}

/// <summary>Every office page runs with the signed-in account's scope; a session of a disabled account ends at once.</summary>
internal sealed class StaffScopeFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && await http.LoadStaffScopeAsync() is null)
        {
            await http.RequestServices.GetRequiredService<SignInManager<StaffAccount>>().SignOutAsync();
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/SignIn", new { area = "Office" });
            return;
        }
        await next();
    }
}
