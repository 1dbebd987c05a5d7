using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Signing in with e-mail and password. A wrong e-mail, a wrong password and a disabled account get
/// the same message; a locked-out account is told how long to wait. Every attempt is audited.
/// </summary>
[EnableRateLimiting(SignInRateLimits.Policy)]
public sealed class SignInPageModel(
    SenSignInManager signIn,
    SenUserManager users,
    AuditLog audit,
    SenDbContext db,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private const int MaxTyped = 256;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = (Email ?? "").Trim();
        email = email.Length > MaxTyped ? email[..MaxTyped] : email;
        var password = Password ?? "";
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (user is null)
        {
            // As slow as checking a real password, so the answer's timing does not tell which e-mails exist.
            users.PasswordHasher.HashPassword(new SenUser(), password);
            return await FailAsync(email, null, "unknown e-mail", text["Account.SignIn.Failed"], cancellationToken).ConfigureAwait(false);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            var entry = audit.Record(AuditActions.SignIn, "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), email);
            entry.UserId = user.Id;
            entry.UserName = user.Email ?? email;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        }

        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling((await users.LockedOutForAsync(user).ConfigureAwait(false)).TotalMinutes);
            return await FailAsync(email, user, "locked out", text["Account.SignIn.LockedOut", Math.Max(1, minutes)], cancellationToken).ConfigureAwait(false);
        }

        var reason = result.IsNotAllowed ? "disabled" : "wrong password";
        return await FailAsync(email, user, reason, text["Account.SignIn.Failed"], cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> FailAsync(string typed, SenUser? user, string reason, string message, CancellationToken cancellationToken)
    {
        var entry = audit.Record(AuditActions.SignInFailed, "User", user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{typed}: {reason}");
        entry.UserId = user?.Id;
        entry.UserName = typed;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Message = message;
        Email = typed;
        return Page();
    }
}
