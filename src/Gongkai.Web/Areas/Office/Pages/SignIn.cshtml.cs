using Gongkai.App.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages;

public class SignInModel(SignInManager<StaffAccount> signIn) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/office");
        Error = result.IsLockedOut ? $"登录失败次数过多，账号已锁定 {StaffIdentity.LockoutDuration.TotalMinutes:0} 分钟，请稍后再试。"
            : result.IsNotAllowed ? "该账号已停用，请联系单位管理员。"
            : "用户名或密码不正确。";
        Password = "";
        return Page();
    }
}
