using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Accounts;

/// <summary>Every newsroom user's own account: display name, password, two-factor status and passkeys.</summary>
[AllowsSecondFactorSetup]
public sealed class MyAccountPageModel(
    SenUserManager users,
    SenSignInManager signIn,
    OwnProfile profile,
    OwnPasskeys passkeys,
    IOptionsMonitor<SecurityOptions> security,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public SenUser Account { get; private set; } = null!;

    public IReadOnlyList<OwnPasskeys.Passkey> Passkeys { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>Why an administrator was sent here (Security:RequireAdmin2FA), or null.</summary>
    public string? Requirement { get; private set; }

    public Task<IActionResult> OnGetAsync() => ShowAsync([], null);

    public async Task<IActionResult> OnPostNameAsync(string? displayName, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        var errors = await profile.RenameAsync(user, displayName, cancellationToken).ConfigureAwait(false);
        if (errors.Count == 0)
        {
            await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        }

        return await ShowAsync(errors, text["MyAccount.NameSaved"]).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? password, string? confirmPassword, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        var errors = await profile.ChangePasswordAsync(user, currentPassword, password, confirmPassword, cancellationToken).ConfigureAwait(false);
        if (errors.Count == 0)
        {
            // The new security stamp would end this session too; it goes on with a fresh cookie.
            await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        }

        return await ShowAsync(errors, text["MyAccount.PasswordChanged"]).ConfigureAwait(false);
    }

    /// <summary>For passkey.js: the WebAuthn creation options (JSON), posted with the antiforgery token.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        return Content(await passkeys.CreationOptionsAsync(user).ConfigureAwait(false), "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(string? credentialJson, string? passkeyName, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        var error = await passkeys.AddAsync(user, credentialJson, passkeyName, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        }

        return await ShowAsync(error is null ? [] : [error], text["Passkey.Added"]).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        if (!await passkeys.RemoveAsync(user, id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        return await ShowAsync([], text["Passkey.Removed"]).ConfigureAwait(false);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<string> errors, string? notice)
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is not { } user)
        {
            return Challenge();
        }

        Account = user;
        Passkeys = await passkeys.ListAsync(user).ConfigureAwait(false);
        Errors = errors;
        Notice = HttpMethods.IsPost(Request.Method) && errors.Count == 0 ? notice : null;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (security.CurrentValue.RequireAdmin2FA && User.IsInRole(SenRoles.Admin) && !SignInMethods.IsTwoFactorSession(User))
        {
            Requirement = Passkeys.Count > 0 && !user.TwoFactorEnabled ? text["MyAccount.RequiredPasskey"] : text["MyAccount.Required"];
        }

        return Page();
    }
}
