using Sen.Web.Features.Search;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Seo;

/// <summary>
/// robots.txt: crawlers keep out of the newsroom and of search results (infinite, and noindex anyway; the
/// search page itself, without a query, may be crawled) and are told where the sitemap is.
/// </summary>
public static class RobotsTxt
{
    public static IResult Write(HttpContext context, PublicBaseUrl baseUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(baseUrl);
        SeoCache.Start(context, "text/plain; charset=utf-8");
        var sitemap = baseUrl.Absolute(context.Request, SeoUrls.SitemapIndex);
        return Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: {SearchPageModel.Path}?\nAllow: /\n\nSitemap: {sitemap}\n",
            "text/plain; charset=utf-8");
    }
}
