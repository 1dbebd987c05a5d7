using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Sites;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Setting up the authenticator app: its key as text and as a QR code (otpauth://, issuer = the site's name), a first
/// code to turn it on, then ten recovery codes shown once; new codes, and turning it off with the password.
/// </summary>
[AllowsSecondFactorSetup]
public sealed class TwoFactorPageModel(
    SenUserManager users,
    SenSignInManager signIn,
    TwoFactorSetup setup,
    SiteContext site,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public bool Enabled { get; private set; }

    public string GroupedKey { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Recovery codes just made: shown on this response only.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string? code, CancellationToken cancellationToken) =>
        ChangeAsync(user => setup.EnableAsync(user, code, cancellationToken), text["TwoFactor.Enabled"], cancellationToken);

    public Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken) =>
        ChangeAsync(user => setup.NewRecoveryCodesAsync(user, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string? password, CancellationToken cancellationToken) =>
        ChangeAsync(user => setup.DisableAsync(user, password, cancellationToken), text["TwoFactor.Disabled"], cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<SenUser, Task<TwoFactorSetup.Result>> change, string? notice, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        var result = await change(user).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Errors = [result.Error!];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(user, cancellationToken).ConfigureAwait(false);
        }

        // Turning the factor on or off changes the security stamp and what the session may do: a fresh cookie says both.
        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        RecoveryCodes = result.Codes;
        Notice = notice;
        return await ShowAsync(user, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> ShowAsync(SenUser? user, CancellationToken cancellationToken)
    {
        user ??= await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user).ConfigureAwait(false);
            return Page();
        }

        var key = await setup.KeyAsync(user).ConfigureAwait(false);
        var siteName = (await site.GetAsync(cancellationToken).ConfigureAwait(false)).Name;
        GroupedKey = AuthenticatorCode.Grouped(key);
        QrSvg = AuthenticatorCode.Svg(AuthenticatorCode.Uri(siteName, user.Email ?? "", key), text["TwoFactor.QrLabel"]);
        return Page();
    }
}
