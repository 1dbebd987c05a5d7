using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;
using Sen.Web.Text;

namespace Sen.Web.Features.Seo;

/// <summary>
/// /sitemap.xml is an index: the home and category pages in one part, the articles in parts of at most
/// <see cref="SeoOptions.SitemapPartSize"/> by id range (part 1 holds ids 1 to 50,000, ...), so an article
/// stays in its part for good and a part is read by the primary key, streamed as it is read. The Google News
/// sitemap lists what was published in the last 48 hours.
/// </summary>
public sealed class Sitemaps(SenDbContext db, SiteContext siteContext, PublicBaseUrl baseUrl, TimeProvider clock, IOptions<SeoOptions> options)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>Google reads at most 1,000 URLs from a news sitemap.</summary>
    public const int NewsLimit = 1000;

    private int PartSize => options.Value.SitemapPartSize;

    public async Task<IResult> IndexAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var published = await PublishedAsync(cancellationToken).ConfigureAwait(false);
        var size = PartSize;

        // One pass over the published rows' (Id, dates) grouped by part; nothing but the parts comes back.
        var parts = await published
            .GroupBy(a => (a.Id - 1) / size)
            .Select(g => new { Part = g.Key + 1, Updated = g.Max(a => a.UpdatedAt), Published = g.Max(a => a.PublishedAt) })
            .OrderBy(p => p.Part)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var since = clock.GetUtcNow().UtcDateTime - options.Value.NewsWindow;
        var news = await published.AnyAsync(a => a.PublishedAt >= since, cancellationToken).ConfigureAwait(false);

        SeoCache.Start(context, ContentType, PublicCache.Tags.Home);
        var request = context.Request;
        await XmlResponse.WriteAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "sitemapindex", Namespace).ConfigureAwait(false);
            await SitemapAsync(xml, baseUrl.Absolute(request, SeoUrls.PagesSitemap), null).ConfigureAwait(false);
            foreach (var part in parts)
            {
                var modified = part.Published is { } p && p > part.Updated ? p : part.Updated;
                await SitemapAsync(xml, baseUrl.Absolute(request, SeoUrls.ArticlesSitemap(part.Part)), modified).ConfigureAwait(false);
            }

            if (news)
            {
                await SitemapAsync(xml, baseUrl.Absolute(request, SeoUrls.NewsSitemap), null).ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>The home page and every category page.</summary>
    public async Task<IResult> PagesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var published = await PublishedAsync(cancellationToken).ConfigureAwait(false);
        var latest = await published.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.PublishedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Slug, c.UpdatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        SeoCache.Start(context, ContentType, PublicCache.Tags.Home);
        var request = context.Request;
        await XmlResponse.WriteAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace).ConfigureAwait(false);
            await UrlAsync(xml, baseUrl.Absolute(request, "/"), latest).ConfigureAwait(false);
            foreach (var category in categories)
            {
                await UrlAsync(xml, baseUrl.Absolute(request, CategoryUrls.Category(category.Slug)), category.UpdatedAt).ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>Part <paramref name="part"/> of the articles; 404 for a part without published articles.</summary>
    public async Task<IResult> ArticlesAsync(HttpContext context, int part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = PartSize;
        if (part < 1 || part > int.MaxValue / size)
        {
            return Results.NotFound();
        }

        var first = ((part - 1) * size) + 1;
        var last = part * size;
        var published = await PublishedAsync(cancellationToken).ConfigureAwait(false);
        var inPart = published.Where(a => a.Id >= first && a.Id <= last);
        if (!await inPart.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return Results.NotFound();
        }

        SeoCache.Start(context, ContentType, PublicCache.Tags.Home);
        var request = context.Request;
        await XmlResponse.WriteAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace).ConfigureAwait(false);
            await foreach (var article in FeedArticle.From(inPart.OrderBy(a => a.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await UrlAsync(xml, baseUrl.Absolute(request, article.Url), article.ModifiedAt).ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>The Google News sitemap: articles published within <see cref="SeoOptions.NewsWindow"/>, newest first.</summary>
    public async Task<IResult> NewsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var published = await PublishedAsync(cancellationToken).ConfigureAwait(false);
        var since = clock.GetUtcNow().UtcDateTime - options.Value.NewsWindow;
        var items = await FeedArticle.From(published.Where(a => a.PublishedAt >= since)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(NewsLimit))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        SeoCache.Start(context, ContentType, PublicCache.Tags.Home);
        var request = context.Request;
        await XmlResponse.WriteAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync("xmlns", "news", null, NewsNamespace).ConfigureAwait(false);
            foreach (var item in items)
            {
                await xml.WriteStartElementAsync(null, "url", Namespace).ConfigureAwait(false);
                await xml.WriteElementStringAsync(null, "loc", Namespace, baseUrl.Absolute(request, item.Url)).ConfigureAwait(false);
                await xml.WriteStartElementAsync("news", "news", NewsNamespace).ConfigureAwait(false);
                await xml.WriteStartElementAsync("news", "publication", NewsNamespace).ConfigureAwait(false);
                await xml.WriteElementStringAsync("news", "name", NewsNamespace, site.Name).ConfigureAwait(false);
                await xml.WriteElementStringAsync("news", "language", NewsNamespace, "vi").ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
                await xml.WriteElementStringAsync("news", "publication_date", NewsNamespace, VietnamTime.FormatIso(item.PublishedAt)).ConfigureAwait(false);
                await xml.WriteElementStringAsync("news", "title", NewsNamespace, item.Title).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return Results.Empty;
    }

    private async Task<IQueryable<Article>> PublishedAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        return db.Articles.AsNoTracking().Where(a => a.SiteId == site.Id).Published(clock.GetUtcNow().UtcDateTime);
    }

    private static async Task SitemapAsync(XmlWriter xml, string loc, DateTime? modified)
    {
        await xml.WriteStartElementAsync(null, "sitemap", Namespace).ConfigureAwait(false);
        await xml.WriteElementStringAsync(null, "loc", Namespace, loc).ConfigureAwait(false);
        if (modified is { } at)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, VietnamTime.FormatIso(at)).ConfigureAwait(false);
        }

        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task UrlAsync(XmlWriter xml, string loc, DateTime? modified)
    {
        await xml.WriteStartElementAsync(null, "url", Namespace).ConfigureAwait(false);
        await xml.WriteElementStringAsync(null, "loc", Namespace, loc).ConfigureAwait(false);
        if (modified is { } at && at > DateTime.MinValue)
        {
            await xml.WriteElementStringAsync(null, "lastmod", Namespace, VietnamTime.FormatIso(at)).ConfigureAwait(false);
        }

        await xml.WriteEndElementAsync().ConfigureAwait(false);
    }
}
