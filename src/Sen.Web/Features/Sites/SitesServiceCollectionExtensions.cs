namespace Sen.Web.Features.Sites;

public static class SitesServiceCollectionExtensions
{
    public static IServiceCollection AddSites(this IServiceCollection services)
    {
        services.AddScoped<SiteContext>();
        services.AddScoped<SiteChrome>();
        return services;
    }
}
