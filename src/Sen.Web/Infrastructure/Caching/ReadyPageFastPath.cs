using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Serves a reader's GET of a public page that is already rendered, at the front of the pipeline:
/// it reads the page's <see cref="ReadyPage"/> from the output cache's store and writes it (a live page
/// with its live region filled for this request), skipping routing, localization, status pages and the
/// output cache's request machinery, none of which does anything for such a hit. Every other request,
/// and any request it cannot answer exactly as the full pipeline would, goes on unchanged.
/// </summary>
/// <remarks>
/// The entry is written by <see cref="ReadyPageCapture"/> when the page is rendered, with the page's
/// output-cache tags and lifetime, so the evictions that drop the cached page (edits, publishing,
/// scheduled publication, menu changes) drop it too, on every node sharing the store. For a cached hit
/// the middleware chain costs far more than writing the page (bench/NOTES.md).
/// </remarks>
public sealed class ReadyPageFastPath(
    RequestDelegate next,
    IOutputCacheStore store,
    ILivePages livePages,
    IRequestSite site,
    IScheduledEvictions scheduledEvictions,
    IEditorSession editorSession,
    IResponseCompressionProvider compression,
    ILogger<ReadyPageFastPath> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsCandidate(request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var live = livePages.IsLivePath(request.Path);
        string? encoding = null;
        string? key;
        if (live)
        {
            // Gzip, Brotli or none, each written without compressing per view; other codings go to the full pipeline.
            encoding = livePages.EncodingFor(context);
            key = encoding is null ? null : ReadyPageKeys.ForLivePage(site.KeyFor(request), request.PathBase.Value, request.Path.Value);
        }
        else
        {
            // Revalidations go to the output cache, which answers them with 304s.
            key = HasValidators(request.Headers) ? null : ReadyPageKeys.AsSent(context, site.KeyFor(request), compression);
        }

        if (key is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await scheduledEvictions.EvictIfDueAsync(context.RequestAborted).ConfigureAwait(false);
        var page = await ReadAsync(key, context.RequestAborted).ConfigureAwait(false);
        if (page is null || (page.LiveRegion is not null) != live)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        for (var i = 0; i < page.Headers.Count; i++)
        {
            var (name, value) = page.Headers[i];
            headers[name] = value;
        }

        // Headers and body go into the response pipe and are sent with one flush. The body is written
        // after the headers, straight into the pipe: written before them, Kestrel would copy it twice.
        if (page.LiveRegion is { } region)
        {
            await region.WriteAsync(context, encoding!).ConfigureAwait(false);
            await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            response.ContentLength = page.Body.Length;
            await response.BodyWriter.WriteAsync(page.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    // Only what the full pipeline would answer from the cached page: a GET within the request guards'
    // limits, without credentials (a signed-in editor's request must reach the pipeline that knows who
    // they are), of a path that is not a static file.
    private bool IsCandidate(HttpRequest request)
    {
        var path = request.Path.Value;
        return HttpMethods.IsGet(request.Method)
            && path is not null
            && path.Length <= RequestGuards.MaxPathLength
            && (!path.Contains('.', StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal))
            && request.QueryString.Value is not { Length: > RequestGuards.MaxQueryLength }
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !editorSession.CarriesSignIn(request);
    }

    private static bool HasValidators(IHeaderDictionary headers) =>
        !StringValues.IsNullOrEmpty(headers.IfNoneMatch) || !StringValues.IsNullOrEmpty(headers.IfModifiedSince);

    private async ValueTask<ReadyPage?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return bytes is not null && ReadyPage.TryRead(bytes, livePages, out var page) ? page : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The full pipeline serves the page (or says why it cannot); a store that is down is logged there too.
            logger.LogDebug(ex, "Could not read the ready page {Key}", key);
            return null;
        }
    }
}
