using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Api;

/// <summary>
/// Caches API answers like public pages (anonymous GETs, 200s only, one variant per site and compression,
/// tagged by the handler with what it shows and evicted by the same content-change rules), keyed by the
/// endpoint's own query parameters and nothing else, and by whether the caller's origin may read it (CORS):
/// an answer carrying one origin's Access-Control-Allow-Origin is never served to another.
/// </summary>
internal sealed class ApiCachePolicy(TimeSpan lifetime, params string[] queryKeys) : IOutputCachePolicy
{
    private readonly IOutputCachePolicy page = new PublicPagePolicy(varyByPage: false);
    private readonly StringValues keys = new(queryKeys);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        await page.CacheRequestAsync(context, cancellationToken).ConfigureAwait(false);
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = keys;
        context.CacheVaryByRules.VaryByValues["origin"] = ApiCors.AllowedOrigin(context.HttpContext) ?? "";
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        page.ServeFromCacheAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        page.ServeResponseAsync(context, cancellationToken);
}
