using Gongkai.App.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages;

/// <summary>
/// Sign-out is a POST with an anti-forgery token (a GET just goes back to the office). It ends the session on the
/// server: a new security stamp makes every cookie issued before it worthless (the account's sessions in other
/// browsers end too), not only the one this browser forgets.
/// </summary>
public class SignOutModel(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/office");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } account)
            await users.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
