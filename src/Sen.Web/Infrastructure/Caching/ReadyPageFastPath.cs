using System.Buffers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Serves a reader's GET of a public page that is already rendered, at the very front of the pipeline:
/// it reads the page's <see cref="ReadyPage"/> from the output cache's store and writes it (for an
/// article page, after counting the view and splicing the live count in), skipping routing,
/// localization, status pages and the output cache's request machinery, none of which does anything
/// for such a hit. Every other request, and any request it cannot answer exactly as the full pipeline
/// would, goes on unchanged.
/// </summary>
/// <remarks>
/// The entry is written by <see cref="ReadyPageCapture"/> when the page is rendered, with the page's
/// output-cache tags and lifetime, so the evictions that drop the cached page (edits, publishing,
/// scheduled publication, menu changes) drop it too, on every node sharing the store. On the article
/// page at 32 connections the full pipeline spent about two thirds of a cached hit's CPU in the
/// middleware chain (bench/NOTES.md).
/// </remarks>
public sealed class ReadyPageFastPath(
    RequestDelegate next,
    IOutputCacheStore store,
    ViewCounter counter,
    GzipSplices gzipSplices,
    PublicationSchedule schedule,
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

        var article = ReadyPageKeys.LooksLikeArticle(request.Path);
        var gzip = article && ArticleEncodings.AcceptsGzip(context, compression);
        string? key;
        if (article)
        {
            // Another encoding (Brotli) is compressed per view by the full pipeline.
            key = gzip || !compression.CheckRequestAcceptsCompression(context) ? ReadyPageKeys.LiveCount(request) : null;
        }
        else
        {
            // Revalidations go to the output cache, which answers them with 304s.
            key = HasValidators(request.Headers) ? null : ReadyPageKeys.AsSent(context, compression);
        }

        if (key is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await schedule.EvictIfDueAsync(context.RequestAborted).ConfigureAwait(false);
        var page = await ReadAsync(key, context.RequestAborted).ConfigureAwait(false);
        if (page is null || page.HasLiveCount != article)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        var output = response.BodyWriter;
        if (page.HasLiveCount)
        {
            var countThis = ReaderRequests.IsView(request);
            var shown = await counter.CountAsync(page.ArticleId, countThis, context.RequestAborted).ConfigureAwait(false)
                ?? page.StoredAtRender + (countThis ? 1 : 0);
            WriteWithCount(response, output, page, shown, gzip ? page.GzipFrom(gzipSplices) : null);
        }
        else
        {
            response.ContentLength = page.Body.Length;
            output.Write(page.Body.Span);
        }

        await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteWithCount(HttpResponse response, IBufferWriter<byte> output, ReadyPage page, long shown, GzipSplice? gzip)
    {
        Span<byte> number = stackalloc byte[ViewCountMarker.MaxUtf8Length];
        number = number[..ViewCountMarker.FormatUtf8(shown, number)];
        if (gzip is not null)
        {
            response.Headers.ContentEncoding = ArticleEncodings.Gzip;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            response.ContentLength = gzip.CompressedLength(number.Length);
            gzip.Write(output, number);
        }
        else
        {
            response.ContentLength = page.Body.Length - page.MarkerLength + number.Length;
            output.Write(page.BeforeCount);
            output.Write(number);
            output.Write(page.AfterCount);
        }
    }

    // Only what the full pipeline would answer from the cached page: a GET within the request guards'
    // limits, without credentials (a signed-in editor's request must reach the pipeline that knows who
    // they are), of a path that is not a static file.
    private static bool IsCandidate(HttpRequest request)
    {
        var path = request.Path.Value;
        return HttpMethods.IsGet(request.Method)
            && path is not null
            && path.Length <= RequestGuards.MaxPathLength
            && (!path.Contains('.', StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal))
            && request.QueryString.Value is not { Length: > RequestGuards.MaxQueryLength }
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !HasSignInCookie(request.Headers.Cookie);
    }

    private static bool HasValidators(IHeaderDictionary headers) =>
        !StringValues.IsNullOrEmpty(headers.IfNoneMatch) || !StringValues.IsNullOrEmpty(headers.IfModifiedSince);

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

    private async ValueTask<ReadyPage?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return bytes is not null && ReadyPage.TryRead(bytes, out var page) ? page : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The full pipeline serves the page (or says why it cannot); a store that is down is logged there too.
            logger.LogDebug(ex, "Could not read the ready page {Key}", key);
            return null;
        }
    }
}
