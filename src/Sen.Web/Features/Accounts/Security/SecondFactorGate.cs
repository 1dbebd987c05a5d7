using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// <c>Security:RequireAdmin2FA</c>, in one place: part of the newsroom policy every /admin endpoint names. An
/// administrator passes when the account has a second factor and this session was signed in with it; otherwise
/// only the pages marked <see cref="AllowsSecondFactorSetupAttribute"/> (my account, signing out) are open.
/// </summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement
{
    /// <summary>Where an administrator without two-factor sign-in is sent, with the reason shown there.</summary>
    public const string SetupUrl = "/admin/tai-khoan?yeu-cau=hai-buoc";
}

/// <summary>Marks a page or endpoint an administrator may use before setting up two-factor sign-in.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowsSecondFactorSetupAttribute : Attribute;

internal sealed class SecondFactorHandler(IOptionsMonitor<SecurityOptions> options) : AuthorizationHandler<SecondFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        var user = context.User;
        var setupPage = context.Resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<AllowsSecondFactorSetupAttribute>() is not null;
        if (!options.CurrentValue.RequireAdmin2FA
            || !user.IsInRole(SenRoles.Admin)
            || setupPage
            || (SignInMethods.HasSecondFactor(user) && SignInMethods.IsTwoFactorSession(user)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>An administrator refused only for want of two-factor sign-in goes to set it up (scripts get 403), not to "access denied".</summary>
internal sealed class SecondFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler platform = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements;
        if (!authorizeResult.Forbidden || failed is null || !failed.Any() || !failed.All(r => r is SecondFactorRequirement))
        {
            return platform.HandleAsync(next, context, policy, authorizeResult);
        }

        if (context.Request.Path.StartsWithSegments("/admin/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            context.Response.Redirect(SecondFactorRequirement.SetupUrl);
        }

        return Task.CompletedTask;
    }
}
