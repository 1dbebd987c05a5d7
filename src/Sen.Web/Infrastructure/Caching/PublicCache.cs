using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// The output cache of public pages and its tags. Pages tag themselves with what they show; content
/// writes evict those tags (<see cref="EvictAsync"/>), so a reader sees a change on the next request.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store, ILogger<PublicCache> logger)
{
    /// <summary>Home, article pages: no query string changes them.</summary>
    public const string Policy = "public";

    /// <summary>Category pages, which vary by ?trang= and nothing else.</summary>
    public const string PagedPolicy = "public-paged";

    /// <summary>The document library (/van-ban), which varies by its filters and ?trang=; its pages are not kept for the fast path.</summary>
    public const string DocumentsPolicy = "public-documents";

    /// <summary>
    /// How long a page stays cached when nothing evicts it. Edits evict at once; this bounds what no
    /// write announces, such as a scheduled article reaching its publication time.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Evicts the pages carrying any of the tags. Called after the change is saved: a cache that cannot be
    /// reached (Redis down) must not turn a saved edit into an error, and its pages expire within <see cref="Lifetime"/>.
    /// </summary>
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await store.EvictByTagAsync(tag, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not evict cached pages tagged {Tag}; they expire within {Lifetime}", tag, Lifetime);
            }
        }
    }

    /// <summary>Adds tags to the page being rendered; a no-op when the response is not being cached.</summary>
    public static void Tag(HttpContext context, params IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } set)
        {
            foreach (var tag in tags)
            {
                set.Add(tag);
            }
        }
    }

    public static class Tags
    {
        /// <summary>
        /// On every public page: menus, website links and site settings are shown around every page,
        /// so a change to any of them evicts everything.
        /// </summary>
        public const string Chrome = "chrome";

        public const string Home = "home";

        /// <summary>The article's own page.</summary>
        public static string Article(int id) => string.Create(CultureInfo.InvariantCulture, $"article:{id}");

        /// <summary>Pages listing the category's articles: its page, its ancestors' pages, and its articles' pages (their "other articles").</summary>
        public static string Category(int id) => string.Create(CultureInfo.InvariantCulture, $"category:{id}");

        /// <summary>The document library's list and detail pages.</summary>
        public const string Documents = "documents";

    }
}
