using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Sen.Web.Features.ViewCounts;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Caches anonymous GET and HEAD requests for public pages (200 responses without cookies), keyed by
/// path (case-sensitively, so wrong-case URLs still get their canonical redirect) and, on category
/// pages, ?trang=. Other query strings do not split the cache, so junk parameters cannot fill it.
/// </summary>
internal sealed class PublicPagePolicy(bool varyByPage) : IOutputCachePolicy
{
    private static readonly StringValues PageKey = new(Features.Categories.CategoryUrls.PageParameter);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        await context.HttpContext.RequestServices.GetRequiredService<PublicationSchedule>().EvictIfDueAsync(cancellationToken).ConfigureAwait(false);

        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && (!varyByPage || HasValidPageOrNone(request));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = PublicCache.Lifetime;
        context.CacheVaryByRules.QueryKeys = varyByPage ? PageKey : StringValues.Empty;
        context.Tags.Add(PublicCache.Tags.Chrome);

        // Pages without a live count are compressed before they are cached (see SenApp), so each
        // encoding the compression middleware would pick is a variant of its own.
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<CountsViewsAttribute>() is null)
        {
            var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
            var encoding = compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName : null;
            context.CacheVaryByRules.VaryByValues["encoding"] = encoding ?? "identity";
        }
    }

    // The cache key treats "?trang=" like no page at all, so a bad page number must never be looked up:
    // the page model answers it with a 400.
    private static bool HasValidPageOrNone(HttpRequest request)
    {
        var pages = request.Query[Features.Categories.CategoryUrls.PageParameter];
        return pages.Count == 0 || (pages.Count == 1 && Features.Categories.PageNumber.TryParse(pages[0], out _));
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
