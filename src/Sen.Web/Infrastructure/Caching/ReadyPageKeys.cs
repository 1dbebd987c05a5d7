using Microsoft.AspNetCore.ResponseCompression;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Where a ready page is kept in the store: what the output cache varies the page by (see
/// <see cref="PublicPagePolicy"/>), and nothing else, so junk query strings share the page. The site
/// stands where the output cache would put scheme and host: no page depends on either, and a made-up
/// Host header must not make a new entry.
/// </summary>
public static class ReadyPageKeys
{
    /// <summary>
    /// A live page (<see cref="ILivePageMetadata"/>): site and path. One copy serves every encoding,
    /// because the live region is filled into the uncompressed page per request.
    /// </summary>
    public static string ForLivePage(string site, string? pathBase, string? path) =>
        string.Concat("sen-ready\u001e", site, "\u001e", pathBase, path);

    /// <summary>
    /// A home or category page, kept as sent: site, path, <c>?trang=</c> and the encoding the compression
    /// middleware picks for the request. Null when <c>?trang=</c> is not one valid page number (the page
    /// answers those with a 400, never from a cache).
    /// </summary>
    public static string? AsSent(HttpContext context, string site, IResponseCompressionProvider compression)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(compression);
        var request = context.Request;
        var pages = request.Query[PageQuery.Parameter];
        if (!PageQuery.TryRead(pages, out var page))
        {
            return null;
        }

        var encoding = compression.CheckRequestAcceptsCompression(context) ? compression.GetCompressionProvider(context)?.EncodingName : null;
        return AsSent(site, request.PathBase.Value, request.Path.Value, page is null ? null : pages[0], encoding);
    }

    /// <summary>The same from its parts: <paramref name="page"/> is the ?trang= value (null when there is none), <paramref name="encoding"/> the Content-Encoding (null for none).</summary>
    public static string AsSent(string site, string? pathBase, string? path, string? page, string? encoding) =>
        string.Concat("sen-ready\u001e", site, "\u001e", pathBase, path, "\u001e", page, "\u001e", encoding ?? "identity");
}
