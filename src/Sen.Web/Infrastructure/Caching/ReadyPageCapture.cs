using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Inside the output cache: when a public page is rendered and the output cache keeps it, keeps a
/// <see cref="ReadyPage"/> of it in the same store, with the same tags and lifetime, for
/// <see cref="ReadyPageFastPath"/>. Runs only when a page is rendered, never on a hit.
/// </summary>
public sealed class ReadyPageCapture(
    RequestDelegate next,
    IOutputCacheStore store,
    ILivePages livePages,
    IRequestSite site,
    IResponseCompressionProvider compression,
    ILogger<ReadyPageCapture> logger)
{
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength,
        HeaderNames.Date,
        HeaderNames.TransferEncoding,
        HeaderNames.SetCookie,
        HeaderNames.Age,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cache = context.Features.Get<IOutputCacheFeature>();
        var metadata = context.GetEndpoint()?.Metadata;
        if (cache is null
            || !HttpMethods.IsGet(context.Request.Method)
            || metadata?.GetMetadata<OutputCacheAttribute>() is not { PolicyName: PublicCache.Policy or PublicCache.PagedPolicy })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var live = metadata.GetMetadata<ILivePageMetadata>() is not null;
        var key = live
            ? ReadyPageKeys.ForLivePage(site.KeyFor(request), request.PathBase.Value, request.Path.Value)
            : ReadyPageKeys.AsSent(context, site.KeyFor(request), compression);
        if (key is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        using var buffer = await ResponseBuffer.CaptureAsync(context, next).ConfigureAwait(false);
        var body = buffer.Written;
        if (body.Length > 0)
        {
            // Writing starts the response, which is when the output cache decides whether it keeps the page.
            await response.BodyWriter.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        if (response.StatusCode != StatusCodes.Status200OK
            || !cache.Context.AllowCacheStorage
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || (live && livePages.Find(body) is null))
        {
            return;
        }

        var entry = ReadyPage.ToBytes(response.Headers.Where(h => !NotReplayed.Contains(h.Key)), body.Span, live);
        try
        {
            await store.SetAsync(key, entry, [.. cache.Context.Tags], cache.Context.ResponseExpirationTimeSpan ?? PublicCache.Lifetime, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not keep the ready copy of {Path}; the output cache still serves it", request.Path);
        }
    }
}
