using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in manager that refuses disabled accounts, whatever password they give, and records how a
/// session was signed in (<see cref="SignInMethods"/>), which <c>Security:RequireAdmin2FA</c> reads.
/// </summary>
public sealed class SenSignInManager(
    UserManager<SenUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<SenUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<SenUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<SenUser> confirmation)
    : SignInManager<SenUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user).ConfigureAwait(false);
    }

    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson) =>
        (await SignInWithPasskeyAsync(credentialJson).ConfigureAwait(false)).Result;

    /// <summary>
    /// Identity's passkey sign-in (assertion, lockout and disabled checks, the passkey's new sign count), with the
    /// account it resolved to, for the audit log, and the session marked as signed in with a passkey.
    /// </summary>
    public async Task<(SignInResult Result, SenUser? User)> SignInWithPasskeyAsync(string credentialJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialJson);
        var assertion = await PerformPasskeyAssertionAsync(credentialJson).ConfigureAwait(false);
        if (!assertion.Succeeded)
        {
            return (SignInResult.Failed, null);
        }

        var refused = await PreSignInCheck(assertion.User).ConfigureAwait(false);
        if (refused is not null)
        {
            return (refused, assertion.User);
        }

        // The new sign count is how a cloned authenticator would be noticed.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey).ConfigureAwait(false)).Succeeded)
        {
            return (SignInResult.Failed, assertion.User);
        }

        await SignInWithClaimsAsync(assertion.User, isPersistent: false, [new Claim(SignInMethods.ClaimType, SignInMethods.Passkey)]).ConfigureAwait(false);
        return (SignInResult.Success, assertion.User);
    }

    public override Task SignInWithClaimsAsync(SenUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(additionalClaims);

        // Identity signs a remembered browser of a two-factor account in as "pwd": that browser passed the second
        // step before. So did this session when it has just turned the authenticator on (a refresh).
        var claims = user.TwoFactorEnabled
            ? additionalClaims.Select(c => c.Type == SignInMethods.ClaimType && c.Value == SignInMethods.Password ? new Claim(SignInMethods.ClaimType, SignInMethods.TwoFactor) : c)
            : additionalClaims;
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
