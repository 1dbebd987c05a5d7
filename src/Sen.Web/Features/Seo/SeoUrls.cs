using System.Globalization;

namespace Sen.Web.Features.Seo;

/// <summary>The machine-readable addresses: feeds, sitemaps and robots.txt (docs/SEO.md).</summary>
public static class SeoUrls
{
    public const string Rss = "/rss.xml";

    /// <summary>The route of a category's feed; "rss" is a reserved category slug, so no category hides it.</summary>
    public const string CategoryRssRoute = "/rss/{categorySlug}.xml";

    public const string SitemapIndex = "/sitemap.xml";

    public const string PagesSitemap = "/sitemap-pages.xml";

    public const string ArticlesSitemapRoute = "/sitemap-articles-{part:int}.xml";

    public const string NewsSitemap = "/sitemap-news.xml";

    public const string Robots = "/robots.txt";

    public static string CategoryRss(string categorySlug) => $"/rss/{categorySlug}.xml";

    public static string ArticlesSitemap(int part) => string.Create(CultureInfo.InvariantCulture, $"/sitemap-articles-{part}.xml");
}
