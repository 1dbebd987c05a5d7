using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Seo;

/// <summary>RSS 2.0 feeds of the latest published articles: the whole site at /rss.xml, a category (with its subcategories) at /rss/{slug}.xml.</summary>
public sealed class RssFeeds(SenDbContext db, SiteContext siteContext, PublicBaseUrl baseUrl, TimeProvider clock)
{
    public const int ItemCount = 50;

    public const string ContentType = "application/rss+xml; charset=utf-8";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public async Task<IResult> SiteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await LatestAsync(db.Articles.AsNoTracking().Where(a => a.SiteId == site.Id).Published(now), cancellationToken).ConfigureAwait(false);
        SeoCache.Start(context, ContentType, PublicCache.Tags.Home);
        await WriteAsync(context, new Channel(site.Name, site.WelcomeLine, "/", SeoUrls.Rss), items).ConfigureAwait(false);
        return Results.Empty;
    }

    public async Task<IResult> CategoryAsync(HttpContext context, string categorySlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Text.Slug.IsWellFormed(categorySlug))
        {
            return Results.NotFound();
        }

        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.SiteId == site.Id)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.Description })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var category = categories.FirstOrDefault(c => c.Slug == categorySlug);
        if (category is null)
        {
            return Results.NotFound();
        }

        var ids = CategoryTree.WithDescendants(category.Id, categories, c => c.Id, c => c.ParentId);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await LatestAsync(
            db.Articles.AsNoTracking().Where(a => a.SiteId == site.Id && ids.Contains(a.CategoryId)).Published(now), cancellationToken).ConfigureAwait(false);
        SeoCache.Start(context, ContentType, ids.Select(PublicCache.Tags.Category));
        var description = string.IsNullOrWhiteSpace(category.Description) ? category.Name : category.Description;
        await WriteAsync(context, new Channel($"{category.Name} | {site.Name}", description, CategoryUrls.Category(category.Slug), SeoUrls.CategoryRss(category.Slug)), items)
            .ConfigureAwait(false);
        return Results.Empty;
    }

    private static Task<List<FeedArticle>> LatestAsync(IQueryable<Article> published, CancellationToken cancellationToken) =>
        FeedArticle.From(published.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(ItemCount)).ToListAsync(cancellationToken);

    private sealed record Channel(string Title, string Description, string Path, string SelfPath);

    private Task WriteAsync(HttpContext context, Channel channel, List<FeedArticle> items)
    {
        var request = context.Request;
        return XmlResponse.WriteAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "rss", null).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "version", null, "2.0").ConfigureAwait(false);
            await xml.WriteAttributeStringAsync("xmlns", "atom", null, AtomNamespace).ConfigureAwait(false);
            await xml.WriteStartElementAsync(null, "channel", null).ConfigureAwait(false);
            await xml.WriteElementStringAsync(null, "title", null, channel.Title).ConfigureAwait(false);
            await xml.WriteElementStringAsync(null, "link", null, baseUrl.Absolute(request, channel.Path)).ConfigureAwait(false);
            await xml.WriteElementStringAsync(null, "description", null, string.IsNullOrWhiteSpace(channel.Description) ? channel.Title : channel.Description).ConfigureAwait(false);
            await xml.WriteElementStringAsync(null, "language", null, "vi").ConfigureAwait(false);
            if (items.Count > 0)
            {
                await xml.WriteElementStringAsync(null, "lastBuildDate", null, Rfc822(items.Max(i => i.ModifiedAt))).ConfigureAwait(false);
            }

            await xml.WriteStartElementAsync("atom", "link", AtomNamespace).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "href", null, baseUrl.Absolute(request, channel.SelfPath)).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "rel", null, "self").ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "type", null, "application/rss+xml").ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);

            foreach (var item in items)
            {
                var link = baseUrl.Absolute(request, item.Url);
                await xml.WriteStartElementAsync(null, "item", null).ConfigureAwait(false);
                await xml.WriteElementStringAsync(null, "title", null, item.Title).ConfigureAwait(false);
                await xml.WriteElementStringAsync(null, "link", null, link).ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(item.Lead))
                {
                    await xml.WriteElementStringAsync(null, "description", null, item.Lead).ConfigureAwait(false);
                }

                await xml.WriteElementStringAsync(null, "category", null, item.CategoryName).ConfigureAwait(false);
                await xml.WriteStartElementAsync(null, "guid", null).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "isPermaLink", null, "true").ConfigureAwait(false);
                await xml.WriteStringAsync(link).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
                await xml.WriteElementStringAsync(null, "pubDate", null, Rfc822(item.PublishedAt)).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        });
    }

    /// <summary>RFC 822 (as RFC 1123 writes it), in UTC: "Wed, 02 Dec 2026 13:39:09 GMT".</summary>
    private static string Rfc822(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);
}
