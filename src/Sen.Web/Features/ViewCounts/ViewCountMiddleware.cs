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
/// second request) and over rendering uncached (defeats the cache). The page is buffered (copied once,
/// into a <see cref="ResponseBuffer"/>) because the count's width is not known until the view is
/// counted. Readers whose browser takes gzip get a page compressed once per page version with the count
/// spliced into the compressed bytes (<see cref="GzipSplice"/>), those that take only Brotli the same in
/// Brotli (<see cref="BrotliSplice"/>); others get it plain. The ready-page fast path writes the same page through the same
/// <see cref="LiveCount"/>.
/// </remarks>
public sealed class ViewCountMiddleware(RequestDelegate next, LiveCountPages livePages, IResponseCompressionProvider compression)
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
        var page = buffer.Written;
        if (response.StatusCode != StatusCodes.Status200OK || livePages.Find(page) is not { } count)
        {
            if (page.Length > 0)
            {
                await response.BodyWriter.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        var encoding = ArticleEncodings.For(context, compression) ?? ArticleEncodings.Identity;
        await count.WriteAsync(context, encoding).ConfigureAwait(false);
        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
