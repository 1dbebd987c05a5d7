using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<ReadAuditLog>();
        services.AddSingleton<IInterceptor, AuditLogGuard>();

        // The page itself asks for an administrator; the folder convention keeps it inside /admin's policy too.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Audit", NewsroomPolicies.Newsroom));
        return services;
    }
}
