using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Search;

/// <summary>
/// Caches suggestion answers like public pages (anonymous GETs, 200s only, one variant per
/// compression, evicted with the site's chrome), one entry per typed text, for a short while.
/// The text is keyed in NFC, not folded: the answer echoes it, and marks change the order
/// ("Đà Nẵng" ranks differently from "da nang"). Tagged <see cref="PublicCache.Tags.Home"/>, which
/// every article write evicts, so a published, edited or withdrawn article shows in the next answer.
/// </summary>
internal sealed class SuggestionCachePolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly IOutputCachePolicy page = new PublicPagePolicy(varyByPage: false);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        await page.CacheRequestAsync(context, cancellationToken).ConfigureAwait(false);
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.VaryByValues["q"] = SearchApi.SuggestText(context.HttpContext.Request);
        context.Tags.Add(PublicCache.Tags.Home);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        page.ServeFromCacheAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        page.ServeResponseAsync(context, cancellationToken);
}
