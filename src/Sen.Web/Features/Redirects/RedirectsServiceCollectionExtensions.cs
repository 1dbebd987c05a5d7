using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Redirects;

public static class RedirectsServiceCollectionExtensions
{
    public static IServiceCollection AddRedirects(this IServiceCollection services)
    {
        services.AddSingleton<RedirectTable>();
        services.AddContentChangeRule<RedirectChangeRule>();
        services.AddScoped<ListRedirects>();
        services.AddScoped<SaveRedirect>();
        services.AddScoped<DeleteRedirect>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Redirects/RedirectsAdminPage", NewsroomPolicies.Newsroom));
        return services;
    }
}
