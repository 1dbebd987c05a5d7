using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Seo;

/// <summary>
/// Feeds and sitemaps are cached like the pages they list (the same anonymous GET rules, the same tags, so
/// publishing evicts them with the home and category pages), under a policy of their own: they are no
/// pages, so the ready-page fast path and the pages' headers leave them alone.
/// </summary>
public static class SeoCache
{
    public const string Policy = "public-feed";

    internal static void AddPolicy(OutputCacheOptions options) => options.AddPolicy(Policy, new PublicPagePolicy(varyByPage: false));

    /// <summary>Starts an XML (or text) answer: readers and crawlers may keep it but must ask again, as for pages.</summary>
    public static void Start(HttpContext context, string contentType, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = contentType;
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        PublicCache.Tag(context, tags);
    }
}
