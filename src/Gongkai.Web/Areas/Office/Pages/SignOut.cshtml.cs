using Gongkai.App.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages;

/// <summary>Sign-out is a POST with an anti-forgery token (a GET just goes back to the office).</summary>
public class SignOutModel(SignInManager<StaffAccount> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/office");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
