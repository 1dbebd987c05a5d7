using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Sites;

public static class SitesServiceCollectionExtensions
{
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        services.AddPublicBaseUrl();
        services.AddSingleton<ConfiguredSite>();
        services.AddSingleton<IRequestSite>(sp => sp.GetRequiredService<ConfiguredSite>());
        services.AddScoped<SiteContext>();
        services.AddScoped<SiteChrome>();
        services.AddScoped<SaveSiteSettings>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Sites/SettingsPage", NewsroomPolicies.Newsroom));
        services.AddContentChangeRule<SiteChangeRule>();
        return services;
    }
}
