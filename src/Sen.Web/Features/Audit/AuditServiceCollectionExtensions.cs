using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sen.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddSingleton<IInterceptor, AuditLogGuard>();
        return services;
    }
}
