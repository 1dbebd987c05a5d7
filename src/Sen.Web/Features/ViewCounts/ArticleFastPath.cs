using System.Buffers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Serves a reader's GET of an article page that is already rendered, at the very front of the pipeline:
/// it reads the page's <see cref="ReadyArticlePage"/> from the output cache's store, counts the view and
/// writes the page with the live count, skipping routing, localization, status pages and the output
/// cache's request machinery, none of which does anything for such a hit. Every other request, and any
/// request it cannot answer exactly as the full pipeline would, goes on unchanged.
/// </summary>
/// <remarks>
/// The entry is written by <see cref="ArticlePageCapture"/> when the page is rendered, with the page's
/// output-cache tags and lifetime, so the evictions that drop the cached page (edits, publishing,
/// scheduled publication, menu changes) drop it too, on every node sharing the store. On the article
/// page at 32 connections the full pipeline spent about two thirds of a cached hit's CPU in the
/// middleware chain (bench/NOTES.md).
/// </remarks>
public sealed class ArticleFastPath(
    RequestDelegate next,
    IOutputCacheStore store,
    ViewCounter counter,
    GzipSplices gzipSplices,
    PublicationSchedule schedule,
    IResponseCompressionProvider compression,
    ILogger<ArticleFastPath> logger)
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

        var gzip = ArticleEncodings.AcceptsGzip(context, compression);
        if (!gzip && compression.CheckRequestAcceptsCompression(context))
        {
            // Another encoding (Brotli) is compressed per view by the full pipeline.
            await next(context).ConfigureAwait(false);
            return;
        }

        await schedule.EvictIfDueAsync(context.RequestAborted).ConfigureAwait(false);
        var page = await ReadAsync(ArticlePageCapture.KeyFor(request), context.RequestAborted).ConfigureAwait(false);
        if (page is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var countThis = ReaderRequests.IsView(request);
        var shown = await counter.CountAsync(page.ArticleId, countThis, context.RequestAborted).ConfigureAwait(false)
            ?? page.StoredAtRender + (countThis ? 1 : 0);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        var output = response.BodyWriter;
        Span<byte> number = stackalloc byte[ViewCountMarker.MaxUtf8Length];
        number = number[..ViewCountMarker.FormatUtf8(shown, number)];
        if (gzip)
        {
            var splice = page.GzipFrom(gzipSplices);
            headers.ContentEncoding = ArticleEncodings.Gzip;
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            response.ContentLength = splice.CompressedLength(number.Length);
            splice.Write(output, number);
        }
        else
        {
            response.ContentLength = page.Page.Length - page.MarkerLength + number.Length;
            output.Write(page.BeforeCount);
            output.Write(number);
            output.Write(page.AfterCount);
        }

        await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    // Only what the full pipeline would answer from the cached page: a GET of an article-shaped path
    // within the request guards' limits, without credentials (a signed-in editor's request must reach
    // the pipeline that knows who they are).
    private static bool IsCandidate(HttpRequest request)
    {
        var path = request.Path.Value;
        return HttpMethods.IsGet(request.Method)
            && path is not null
            && path.Length <= RequestGuards.MaxPathLength
            && path.EndsWith(".html", StringComparison.Ordinal)
            && request.QueryString.Value is not { Length: > RequestGuards.MaxQueryLength }
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !HasSignInCookie(request.Headers.Cookie);
    }

    private static bool HasSignInCookie(StringValues cookies)
    {
        foreach (var cookie in cookies)
        {
            if (cookie is not null && (cookie.Contains(".AspNetCore.Identity.", StringComparison.Ordinal) || cookie.Contains(".AspNetCore.Cookies", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<ReadyArticlePage?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return bytes is not null && ReadyArticlePage.TryRead(bytes, out var page) ? page : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The full pipeline serves the page (or says why it cannot); a store that is down is logged there too.
            logger.LogDebug(ex, "Could not read the ready article page {Key}", key);
            return null;
        }
    }
}
