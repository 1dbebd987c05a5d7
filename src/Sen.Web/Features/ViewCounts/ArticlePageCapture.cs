using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Inside the output cache: when an article page is rendered and the output cache keeps it, keeps a
/// <see cref="ReadyArticlePage"/> of it in the same store, with the same tags and lifetime, for
/// <see cref="ArticleFastPath"/>. Runs only when a page is rendered, never on a hit.
/// </summary>
public sealed class ArticlePageCapture(RequestDelegate next, IOutputCacheStore store, ILogger<ArticlePageCapture> logger)
{
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength,
        HeaderNames.Date,
        HeaderNames.TransferEncoding,
        HeaderNames.SetCookie,
        HeaderNames.Age,
    };

    /// <summary>What the output cache keys an article page by (it varies by nothing else): scheme, host and path.</summary>
    public static string KeyFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return KeyFor(request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value);
    }

    public static string KeyFor(string scheme, string? host, string? pathBase, string? path) =>
        string.Concat("sen-article\u001e", scheme, "\u001e", host?.ToLowerInvariant(), pathBase, path);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cache = context.Features.Get<IOutputCacheFeature>();
        if (cache is null || context.GetEndpoint()?.Metadata.GetMetadata<CountsViewsAttribute>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var features = context.Features;
        var original = features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new ResponseBuffer();
        features.Set<IHttpResponseBodyFeature>(buffer);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            features.Set(original);
        }

        var page = buffer.Written;
        if (page.Length > 0)
        {
            // Writing starts the response, which is when the output cache decides whether it keeps the page.
            await original.Writer.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
        }

        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !cache.Context.AllowCacheStorage
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || !HttpMethods.IsGet(context.Request.Method)
            || !ViewCountMarker.TryFind(page.Span, out _, out _, out _, out _))
        {
            return;
        }

        var entry = ReadyArticlePage.ToBytes(response.Headers.Where(h => !NotReplayed.Contains(h.Key)), page.Span);
        try
        {
            await store.SetAsync(KeyFor(context.Request), entry, [.. cache.Context.Tags], cache.Context.ResponseExpirationTimeSpan ?? PublicCache.Lifetime, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not keep the ready article page of {Path}; the output cache still serves it", context.Request.Path);
        }
    }
}
