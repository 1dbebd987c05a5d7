using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// HTTP caching headers of public pages, set when a page is rendered (behind the output cache, so the
/// cached copy carries them and the cache answers If-None-Match with 304 by itself), and the page's HTML
/// without the templates' indentation (<see cref="HtmlWhitespace"/>), paid once per render.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every public page: <c>Cache-Control: no-cache</c>. Browsers and proxies may keep a copy but must ask
/// first, so an edit or publish shows on the next visit, not after some max-age.</item>
/// <item>Home and category pages: a weak ETag, a hash of the page. They change only when content does
/// (which evicts them), so a matching ETag proves the reader's copy is current and the 304 is safe on any
/// node. Weak, because compression makes different bytes of the same page. No Last-Modified: a list has
/// no single modification time (an unpublished article leaves none behind), and browsers prefer the ETag.</item>
/// <item>Live pages (<see cref="ILivePageMetadata"/>, article pages): no validator. They show the live view
/// count, so no copy is ever current, and a 304 would also skip counting the view.</item>
/// </list>
/// </remarks>
public sealed class PublicPageHeaders(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<OutputCacheAttribute>() is not { PolicyName: PublicCache.Policy or PublicCache.PagedPolicy })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.CacheControl = "no-cache";
        var response = context.Response;
        using var buffer = await ResponseBuffer.CaptureAsync(context, next).ConfigureAwait(false);
        if (response.StatusCode != StatusCodes.Status200OK || buffer.Written.Length == 0)
        {
            if (buffer.Written.Length > 0)
            {
                await response.BodyWriter.WriteAsync(buffer.Written, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        // Once per render, for every view after it: the page leaves without the templates' indentation.
        if (IsUncompressedHtml(response))
        {
            buffer.Rewrite(HtmlWhitespace.Compact);
            if (response.ContentLength is not null)
            {
                response.ContentLength = buffer.Written.Length;
            }
        }

        var page = buffer.Written;
        if (metadata.GetMetadata<ILivePageMetadata>() is null)
        {
            var hash = SHA256.HashData(page.Span);
            response.Headers.ETag = $"W/\"{Convert.ToBase64String(hash, 0, 15).Replace('+', '-').Replace('/', '_')}\"";
        }

        await response.BodyWriter.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsUncompressedHtml(HttpResponse response) =>
        response.ContentType is { } type
        && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        && StringValues.IsNullOrEmpty(response.Headers.ContentEncoding);
}
