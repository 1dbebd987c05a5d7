using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Caches anonymous GET and HEAD requests for public pages (200 responses without cookies), keyed by
/// site and path (case-sensitively, so wrong-case URLs still get their canonical redirect) and, on
/// category pages, ?trang=. Neither the Host header nor other query strings split the cache, so made-up
/// host names and junk parameters cannot fill it.
/// </summary>
internal sealed class PublicPagePolicy(bool varyByPage, params string[] filterKeys) : IOutputCachePolicy
{
    private static readonly StringValues PageKey = new(PageQuery.Parameter);

    // The document library's filters (validated by its page, which answers a bad value with a 400 that is never stored).
    private readonly StringValues queryKeys = filterKeys.Length > 0 ? new StringValues(filterKeys) : PageKey;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        await services.GetRequiredService<IScheduledEvictions>().EvictIfDueAsync(cancellationToken).ConfigureAwait(false);

        // The cache key treats "?trang=" like no page at all, so a bad page number must never be looked up:
        // the page model answers it with a 400.
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true
            && (!varyByPage || PageQuery.TryRead(request, out _));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicCache.Lifetime;
        context.CacheVaryByRules.QueryKeys = varyByPage ? queryKeys : StringValues.Empty;
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.VaryByValues["site"] = services.GetRequiredService<IRequestSite>().KeyFor(request);
        context.Tags.Add(PublicCache.Tags.Chrome);

        // Pages without a live region are compressed before they are cached (see SenApp), so each
        // encoding the compression middleware would pick is a variant of its own.
        if (http.GetEndpoint()?.Metadata.GetMetadata<ILivePageMetadata>() is null)
        {
            var compression = services.GetRequiredService<IResponseCompressionProvider>();
            var encoding = compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName : null;
            context.CacheVaryByRules.VaryByValues["encoding"] = encoding ?? "identity";
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
