using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Sites;

public static class SitesServiceCollectionExtensions
{
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        services.AddSingleton<ConfiguredSite>();
        services.AddSingleton<IRequestSite>(sp => sp.GetRequiredService<ConfiguredSite>());
        services.AddScoped<SiteContext>();
        services.AddScoped<SiteChrome>();
        return services;
    }
}
