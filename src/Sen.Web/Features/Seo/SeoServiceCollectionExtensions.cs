using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Seo;

public static class SeoServiceCollectionExtensions
{
    /// <summary>Feeds, sitemaps, robots.txt and the head metadata of public pages (docs/SEO.md).</summary>
    public static IServiceCollection AddSeo(this IServiceCollection services)
    {
        services.AddOptions<SeoOptions>().BindConfiguration(SeoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<OutputCacheOptions>(SeoCache.AddPolicy);
        services.AddScoped<RssFeeds>();
        services.AddScoped<Sitemaps>();
        services.AddScoped<HeadMetadata>();
        return services;
    }

    public static IEndpointRouteBuilder MapSeo(this IEndpointRouteBuilder app)
    {
        app.MapGet(SeoUrls.Rss, (HttpContext http, RssFeeds feeds, CancellationToken ct) => feeds.SiteAsync(http, ct)).CacheOutput(SeoCache.Policy);
        app.MapGet(SeoUrls.CategoryRssRoute, (HttpContext http, string categorySlug, RssFeeds feeds, CancellationToken ct) => feeds.CategoryAsync(http, categorySlug, ct))
            .CacheOutput(SeoCache.Policy);
        app.MapGet(SeoUrls.SitemapIndex, (HttpContext http, Sitemaps sitemaps, CancellationToken ct) => sitemaps.IndexAsync(http, ct)).CacheOutput(SeoCache.Policy);
        app.MapGet(SeoUrls.PagesSitemap, (HttpContext http, Sitemaps sitemaps, CancellationToken ct) => sitemaps.PagesAsync(http, ct)).CacheOutput(SeoCache.Policy);
        app.MapGet(SeoUrls.ArticlesSitemapRoute, (HttpContext http, int part, Sitemaps sitemaps, CancellationToken ct) => sitemaps.ArticlesAsync(http, part, ct))
            .CacheOutput(SeoCache.Policy);
        app.MapGet(SeoUrls.NewsSitemap, (HttpContext http, Sitemaps sitemaps, CancellationToken ct) => sitemaps.NewsAsync(http, ct)).CacheOutput(SeoCache.Policy);
        app.MapGet(SeoUrls.Robots, (HttpContext http, PublicBaseUrl baseUrl) => RobotsTxt.Write(http, baseUrl)).CacheOutput(SeoCache.Policy);
        return app;
    }
}
