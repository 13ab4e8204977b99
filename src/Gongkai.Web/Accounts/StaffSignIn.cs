using System.Security.Claims;
using System.Threading.RateLimiting;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Accounts;

/// <summary>
/// Staff sign-in with ASP.NET Core Identity on the Gongkai database, and the scope of the signed-in account. Every
/// request with the staff cookie is checked against the database (<see cref="ValidateSessionAsync"/>): the account must
/// still be enabled and its security stamp unchanged, so signing out, a password reset or disabling the account ends
/// the session on the server, and a copy of the cookie is worth nothing afterwards.
/// </summary>
public static class StaffSignIn
{
    public const string CookieName = "gongkai.staff";

    /// <summary>The rate-limit policy of the sign-in form: posts per minute from one client address.</summary>
    public const string RatePolicy = "staff-sign-in";

    public static void AddStaffSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<StaffAccount, IdentityRole>(StaffIdentity.Configure)
            .AddEntityFrameworkStores<GongkaiDb>()
            .AddStaffRules()
            .AddUserConfirmation<EnabledAccountsOnly>();
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
            // Instead of Identity's SecurityStampValidator, which checks only every so often: every request.
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        var permits = configuration.GetValue("RateLimits:SignInsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RatePolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Accepts the cookie only while its account is enabled and its security stamp is the one in the database (sign-out,
    /// a new password, a change of roles and disabling all change it); loads the account's scope for the request.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var scope = id is null || stamp is null ? null
            : await App.Accounts.StaffScope.LoadAsync(http.RequestServices.GetRequiredService<GongkaiDb>(), id, stamp, http.RequestAborted);
        http.Items[typeof(App.Accounts.StaffScope)] = scope;
        if (scope is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The signed-in account's scope, loaded once per request; null when nobody is signed in or the session ended.</summary>
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
