using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Runs in front of the output cache for pages marked <see cref="CountsViewsAttribute"/>: it counts the
/// view and writes the live count over the page's <see cref="ViewCountMarker"/>. The cache keeps one copy
/// of the page with the marker in it, so a view never renders a page or evicts anything, and readers
/// without JavaScript are counted like everyone else.
/// </summary>
/// <remarks>
/// Splicing bytes was chosen over a client-side beacon (misses readers without JavaScript, costs a
/// second request) and over rendering uncached (defeats the cache). The page is buffered (tens of KB,
/// copied once, into a <see cref="ResponseBuffer"/>) because the count's width is not known until the view is counted. Readers whose
/// browser takes gzip get a page compressed once per page version with the count spliced into the
/// compressed bytes (<see cref="GzipSplice"/>); others get it plain or compressed by the outer middleware.
/// </remarks>
public sealed class ViewCountMiddleware(RequestDelegate next, ViewCounter counter, GzipSplices gzipSplices, IResponseCompressionProvider compression)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<CountsViewsAttribute>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // The page changes with every view, so the output cache must never answer it with a 304
        // (it would for "If-None-Match: *" or an If-Modified-Since after the cached copy's Date).
        context.Request.Headers.Remove(HeaderNames.IfNoneMatch);
        context.Request.Headers.Remove(HeaderNames.IfModifiedSince);

        var response = context.Response;
        using var buffer = await ResponseBuffer.CaptureAsync(context, next).ConfigureAwait(false);

        // Everything goes into the response pipe first and is sent with one flush (one socket write
        // for a typical page), rather than one write and flush per piece.
        var output = response.BodyWriter;
        var page = buffer.Written;
        if (response.StatusCode != StatusCodes.Status200OK
            || !ViewCountMarker.TryFind(page.Span, out var start, out var length, out var articleId, out var storedAtRender))
        {
            if (page.Length > 0)
            {
                await output.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        var countThis = ReaderRequests.IsView(context.Request);
        var shown = await counter.CountAsync(articleId, countThis, context.RequestAborted).ConfigureAwait(false)
            ?? storedAtRender + (countThis ? 1 : 0);
        if (ArticleEncodings.AcceptsGzip(context, compression))
        {
            // Compressed once per page version, not per view (see GzipSplice); the outer compression
            // middleware leaves a response that already has a Content-Encoding alone.
            var splice = gzipSplices.For(articleId, page.Span[..start], page.Span[(start + length)..]);
            response.Headers.ContentEncoding = ArticleEncodings.Gzip;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            WriteGzip(response, output, splice, shown);
        }
        else
        {
            WritePlain(response, output, page.Span, start, length, shown);
        }

        await output.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WritePlain(HttpResponse response, PipeWriter output, ReadOnlySpan<byte> page, int start, int length, long shown)
    {
        Span<byte> number = stackalloc byte[ViewCountMarker.MaxUtf8Length];
        number = number[..ViewCountMarker.FormatUtf8(shown, number)];
        response.ContentLength = page.Length - length + number.Length;
        output.Write(page[..start]);
        output.Write(number);
        output.Write(page[(start + length)..]);
    }

    private static void WriteGzip(HttpResponse response, PipeWriter output, GzipSplice splice, long shown)
    {
        Span<byte> number = stackalloc byte[ViewCountMarker.MaxUtf8Length];
        number = number[..ViewCountMarker.FormatUtf8(shown, number)];
        response.ContentLength = splice.CompressedLength(number.Length);
        splice.Write(output, number);
    }
}
