using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// The newsroom shell at /admin. Every page in this folder needs a newsroom role (the accounts
    /// feature does the same for its own pages, except signing in and the one-time links).
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<LoadDashboard>();
        return services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin", NewsroomPolicies.Newsroom));
    }

    /// <summary>The group for the newsroom's JSON endpoints (/admin/api/...): a newsroom role is required, anonymous callers get 401.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/admin/api").RequireAuthorization(NewsroomPolicies.Newsroom);
}
