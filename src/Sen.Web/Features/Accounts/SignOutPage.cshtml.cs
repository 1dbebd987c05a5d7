using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>Signing out is a POST (with the antiforgery token), so no link or image elsewhere can sign a user out.</summary>
[AllowsSecondFactorSetup]
public sealed class SignOutPageModel(SenSignInManager signIn, AuditLog audit, CurrentUser currentUser, SenDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        audit.Record(AuditActions.SignOut, "User", actor.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture), actor.Name);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await signIn.SignOutAsync().ConfigureAwait(false);
        return Redirect(AccountsServiceCollectionExtensions.SignInPath);
    }
}
