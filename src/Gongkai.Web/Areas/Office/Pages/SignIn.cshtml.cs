using Gongkai.App.Accounts;
using Gongkai.Core.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Areas.Office.Pages;

/// <summary>
/// Staff sign-in. Unknown names and wrong passwords get the same answer; an address that keeps failing for a name
/// waits (<see cref="CheckStaffSignIn"/>), and every address may post only so many times a minute (<see cref="StaffSignIn.RatePolicy"/>).
/// </summary>
[EnableRateLimiting(StaffSignIn.RatePolicy)]
public class SignInModel(CheckStaffSignIn check, SignInManager<StaffAccount> signIn) : PageModel
{
    public const string WrongMessage = "用户名或密码不正确。";

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var answer = await check.HandleAsync(UserName, Password, ClientAddress.Of(HttpContext), HttpContext.RequestAborted);
        if (answer.Verdict == CheckStaffSignIn.Verdict.Right)
        {
            await signIn.SignInAsync(answer.Account!, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/office");
        }
        Error = answer.Verdict switch
        {
            CheckStaffSignIn.Verdict.Wait => $"登录失败次数过多，请 {SignInThrottle.Describe(answer.Wait)}后再试；如急需登录，请联系单位管理员解除登录限制。",
            CheckStaffSignIn.Verdict.Disabled => "该账号已停用，请联系单位管理员。",
            _ => WrongMessage,
        };
        Password = "";
        return Page();
    }
}
