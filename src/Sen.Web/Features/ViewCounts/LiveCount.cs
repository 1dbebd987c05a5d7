using System.Buffers;
using Microsoft.Net.Http.Headers;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// The view count marker of one rendered article page, found once, and the one writer of the page with
/// its live count: the full pipeline (<see cref="ViewCountMiddleware"/>) and the ready-page fast path
/// both write through it. It counts the view, then writes the page into the response pipe (plain, or gzip
/// through the page's <see cref="GzipSplice"/>, or Brotli through its <see cref="BrotliSplice"/>) with its
/// Content-Length; the caller flushes once.
/// </summary>
internal sealed class LiveCount(
    ViewCounter counter, GzipSplices gzipSplices, BrotliSplices brotliSplices, ReadOnlyMemory<byte> page, int start, int length, int articleId, long storedAtRender)
    : ILiveRegion
{
    private GzipSplice? gzip;
    private bool brotliMade;
    private BrotliSplice? brotli;

    public int ArticleId => articleId;

    public ReadOnlySpan<byte> BeforeCount => page.Span[..start];

    public ReadOnlySpan<byte> AfterCount => page.Span[(start + length)..];

    /// <summary>
    /// The gzip halves around the count. Kept with the page, and shared through <see cref="GzipSplices"/>
    /// by copies of the same page read again from a store that hands out new arrays (Redis), so a page
    /// is compressed once per version, not per view.
    /// </summary>
    public GzipSplice Gzip => gzip ??= gzipSplices.For(articleId, BeforeCount, AfterCount);

    /// <summary>The Brotli parts around the count, shared the same way; null when the page could not be spliced.</summary>
    public BrotliSplice? Brotli
    {
        get
        {
            if (!Volatile.Read(ref brotliMade))
            {
                brotli = brotliSplices.For(articleId, BeforeCount, AfterCount);
                Volatile.Write(ref brotliMade, true);
            }

            return brotli;
        }
    }

    public ValueTask WriteAsync(HttpContext context, string encoding)
    {
        ArgumentNullException.ThrowIfNull(context);
        var countThis = ReaderRequests.IsView(context.Request);
        var counting = counter.CountAsync(articleId, countThis, context.RequestAborted);
        if (counting.IsCompletedSuccessfully)
        {
            return WriteAsync(context.Response, counting.Result, countThis, encoding);
        }

        return WriteWhenCountedAsync(context.Response, counting, countThis, encoding);
    }

    private async ValueTask WriteWhenCountedAsync(HttpResponse response, ValueTask<long?> counting, bool countThis, string encoding)
    {
        var counted = await counting.ConfigureAwait(false);
        await WriteAsync(response, counted, countThis, encoding).ConfigureAwait(false);
    }

    // When the counter cannot say (its store is down), the count stored at render time stands in.
    // The response is started (its headers written into the pipe) before the body: body bytes written
    // before the start are kept aside by Kestrel and copied into the pipe a second time (BENCHMARKS.md, 2026-12-03 afternoon).
    private ValueTask WriteAsync(HttpResponse response, long? counted, bool countThis, string encoding)
    {
        var count = counted ?? storedAtRender + (countThis ? 1 : 0);
        Span<byte> number = stackalloc byte[ViewCountMarker.MaxUtf8Length];
        number = number[..ViewCountMarker.FormatUtf8(count, number)];
        var body = SetHeaders(response, number.Length, encoding);
        var starting = response.StartAsync();
        if (!starting.IsCompletedSuccessfully)
        {
            return WriteWhenStartedAsync(starting, response, count, body);
        }

        WriteBody(response.BodyWriter, number, body);
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteWhenStartedAsync(Task starting, HttpResponse response, long count, Body body)
    {
        await starting.ConfigureAwait(false);
        var number = new byte[ViewCountMarker.MaxUtf8Length];
        WriteBody(response.BodyWriter, number.AsSpan(0, ViewCountMarker.FormatUtf8(count, number)), body);
    }

    private Body SetHeaders(HttpResponse response, int numberLength, string encoding)
    {
        if (encoding == ArticleEncodings.Gzip)
        {
            // The outer compression middleware leaves a response that already has a Content-Encoding alone.
            response.Headers.ContentEncoding = ArticleEncodings.Gzip;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            response.ContentLength = Gzip.CompressedLength(numberLength);
            return Body.Gzip;
        }

        if (encoding == ArticleEncodings.Brotli && Brotli is { } brotliSplice)
        {
            response.Headers.ContentEncoding = ArticleEncodings.Brotli;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            response.ContentLength = brotliSplice.CompressedLength(numberLength);
            return Body.Brotli;
        }

        response.ContentLength = page.Length - length + numberLength;
        return Body.Plain;
    }

    private void WriteBody(IBufferWriter<byte> output, ReadOnlySpan<byte> number, Body body)
    {
        switch (body)
        {
            case Body.Gzip:
                Gzip.Write(output, number);
                break;
            case Body.Brotli:
                Brotli!.Write(output, number);
                break;
            default:
                output.Write(BeforeCount);
                output.Write(number);
                output.Write(AfterCount);
                break;
        }
    }

    private enum Body
    {
        Plain,
        Gzip,
        Brotli,
    }
}
