using Microsoft.AspNetCore.Authorization;

namespace Sen.Web.Features.Accounts;

/// <summary>The authorization policies every newsroom endpoint and page names; one place maps them to roles.</summary>
public static class NewsroomPolicies
{
    /// <summary>Anyone with a newsroom role: /admin as a whole (administrators with two-factor sign-in when Security:RequireAdmin2FA).</summary>
    public const string Newsroom = "Newsroom";

    /// <summary>Approvers and administrators: return, publish, schedule, unpublish.</summary>
    public const string Approve = "Approve";

    /// <summary>Administrators only: users, settings, audit log, emptying the bin.</summary>
    public const string Administer = "Administer";

    public static AuthorizationBuilder AddNewsroomPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Newsroom, p => p.RequireAuthenticatedUser().RequireRole(SenRoles.All).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(Approve, p => p.RequireAuthenticatedUser().RequireRole(SenRoles.Admin, SenRoles.Approver))
            .AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(SenRoles.Admin));
    }
}
