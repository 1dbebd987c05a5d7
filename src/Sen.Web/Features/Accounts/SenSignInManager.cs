using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Accounts;

/// <summary>Identity's sign-in manager that refuses disabled accounts, whatever password they give.</summary>
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
}
