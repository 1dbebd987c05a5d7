using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Signing in with e-mail and password, or with a passkey. A wrong e-mail, a wrong password and a disabled account
/// get the same message; a locked-out account is told how long to wait. An account with two-factor sign-in goes on
/// to the second step (<see cref="TwoFactorSignInPageModel"/>). Every attempt is audited.
/// </summary>
[EnableRateLimiting(SignInRateLimits.Policy)]
public sealed class SignInPageModel(
    SenSignInManager signIn,
    SenUserManager users,
    SignInAudit audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const string TwoFactorPath = "/admin/dang-nhap/hai-buoc";

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
            await audit.SucceededAsync(user, user.TwoFactorEnabled ? "password, remembered browser" : "password", cancellationToken).ConfigureAwait(false);
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            // The second step audits the attempt as a whole; Identity's two-factor cookie remembers who passed the first.
            return LocalRedirect(TwoFactorPath + QueryString.Create("ReturnUrl", SafeReturnUrl(Url, ReturnUrl)));
        }

        if (result.IsLockedOut)
        {
            return await LockedOutAsync(user, email, cancellationToken).ConfigureAwait(false);
        }

        var reason = result.IsNotAllowed ? "disabled" : "wrong password";
        return await FailAsync(email, user, reason, text["Account.SignIn.Failed"], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For passkey.js: WebAuthn request options for any passkey of this site (the browser offers its own).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null).ConfigureAwait(false), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson, CancellationToken cancellationToken)
    {
        if (!PasskeyCeremony.IsCredentialJson(credentialJson) || !await PasskeyCeremony.IsUnderwayAsync(HttpContext, PasskeyCeremony.Assertion).ConfigureAwait(false))
        {
            return await FailAsync("", null, "passkey: no ceremony", text["Passkey.SignInFailed"], cancellationToken).ConfigureAwait(false);
        }

        var (result, user) = await signIn.SignInWithPasskeyAsync(credentialJson!).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await audit.SucceededAsync(user!, "passkey", cancellationToken).ConfigureAwait(false);
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return await LockedOutAsync(user!, user!.Email ?? "", cancellationToken).ConfigureAwait(false);
        }

        var reason = result.IsNotAllowed ? "passkey: disabled" : "passkey: refused";
        return await FailAsync(user?.Email ?? "", user, reason, text["Passkey.SignInFailed"], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The local address to go on to after signing in; the dashboard for anything else.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";
    }

    private async Task<IActionResult> LockedOutAsync(SenUser user, string typed, CancellationToken cancellationToken)
    {
        var minutes = (int)Math.Ceiling((await users.LockedOutForAsync(user).ConfigureAwait(false)).TotalMinutes);
        return await FailAsync(typed, user, "locked out", text["Account.SignIn.LockedOut", Math.Max(1, minutes)], cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> FailAsync(string typed, SenUser? user, string reason, string message, CancellationToken cancellationToken)
    {
        await audit.FailedAsync(typed, user, reason, cancellationToken).ConfigureAwait(false);
        Message = message;
        Email = typed;
        return Page();
    }
}
