using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// The second step after a correct password: a code from the authenticator app, or a recovery code (each once).
/// Wrong codes of either kind count toward the account's lockout, as wrong passwords do; every attempt is audited.
/// </summary>
[EnableRateLimiting(SignInRateLimits.Policy)]
public sealed class TwoFactorSignInPageModel(
    SenSignInManager signIn,
    SenUserManager users,
    SignInAudit audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>?khoi-phuc=1: the recovery code form instead of the authenticator's.</summary>
    [BindProperty(Name = "khoi-phuc", SupportsGet = true)]
    public bool UseRecoveryCode { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is null ? BackToPassword() : Page();

    public async Task<IActionResult> OnPostAsync(string? code, bool rememberBrowser, CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is not { } user)
        {
            return BackToPassword();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorSetup.Normalize(code), isPersistent: false, rememberBrowser).ConfigureAwait(false);
        return await AnswerAsync(user, result, "authenticator code", cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode, CancellationToken cancellationToken)
    {
        UseRecoveryCode = true;
        if (await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is not { } user)
        {
            return BackToPassword();
        }

        // Identity redeems recovery codes without the checks its other steps make: Sen makes them here.
        if (!await signIn.CanSignInAsync(user).ConfigureAwait(false))
        {
            return await AnswerAsync(user, Microsoft.AspNetCore.Identity.SignInResult.NotAllowed, "recovery code", cancellationToken).ConfigureAwait(false);
        }

        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return await AnswerAsync(user, Microsoft.AspNetCore.Identity.SignInResult.LockedOut, "recovery code", cancellationToken).ConfigureAwait(false);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(new string((recoveryCode ?? "").Where(c => !char.IsWhiteSpace(c)).Take(64).ToArray())).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await users.AccessFailedAsync(user).ConfigureAwait(false);
            if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
            {
                result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
            }
        }

        return await AnswerAsync(user, result, "recovery code", cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> AnswerAsync(SenUser user, Microsoft.AspNetCore.Identity.SignInResult result, string method, CancellationToken cancellationToken)
    {
        var email = user.Email ?? "";
        if (result.Succeeded)
        {
            await audit.SucceededAsync(user, "password, " + method, cancellationToken).ConfigureAwait(false);
            return LocalRedirect(SignInPageModel.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling((await users.LockedOutForAsync(user).ConfigureAwait(false)).TotalMinutes);
            await audit.FailedAsync(email, user, method + ": locked out", cancellationToken).ConfigureAwait(false);
            Message = text["Account.SignIn.LockedOut", Math.Max(1, minutes)];
            return Page();
        }

        await audit.FailedAsync(email, user, result.IsNotAllowed ? method + ": disabled" : "wrong " + method, cancellationToken).ConfigureAwait(false);
        Message = text["TwoFactor.SignIn.WrongCode"];
        return Page();
    }

    private RedirectResult BackToPassword() =>
        Redirect(AccountsServiceCollectionExtensions.SignInPath + QueryString.Create("ReturnUrl", SignInPageModel.SafeReturnUrl(Url, ReturnUrl)));
}
