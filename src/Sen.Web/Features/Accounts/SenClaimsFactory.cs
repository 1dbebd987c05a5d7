using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Adds the display name to the sign-in, so pages greet the user without a database read, and whether the account
/// has a second factor (<see cref="SignInMethods.HasSecondFactor"/>), renewed at every security stamp check.
/// </summary>
public sealed class SenClaimsFactory(UserManager<SenUser> userManager, RoleManager<IdentityRole<int>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SenUser, IdentityRole<int>>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "sen:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        var secondFactor = user.TwoFactorEnabled || (await UserManager.GetPasskeysAsync(user).ConfigureAwait(false)).Count > 0;
        identity.AddClaim(new Claim(SignInMethods.SecondFactorClaim, secondFactor ? "true" : "false"));
        return identity;
    }

    /// <summary>The signed-in user's display name, or their user name when it has none.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirstValue(DisplayNameClaim);
        return string.IsNullOrWhiteSpace(name) ? user.Identity?.Name ?? "" : name;
    }
}
