using Microsoft.AspNetCore.ResponseCompression;
using Sen.Web.Features.Categories;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Where a ready page is kept in the store: what the output cache varies the page by (see
/// <see cref="PublicPagePolicy"/>), and nothing else, so junk query strings share the page.
/// </summary>
public static class ReadyPageKeys
{
    /// <summary>
    /// An article page (live count): scheme, host and path. One copy serves every encoding, because
    /// the count is spliced into the uncompressed page per view.
    /// </summary>
    public static string LiveCount(string scheme, string? host, string? pathBase, string? path) =>
        string.Concat("sen-ready\u001e", scheme, "\u001e", host?.ToLowerInvariant(), pathBase, path);

    public static string LiveCount(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LiveCount(request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value);
    }

    /// <summary>
    /// A home or category page, kept as sent: scheme, host, path, <c>?trang=</c> and the encoding the
    /// compression middleware picks for the request. Null when <c>?trang=</c> is not one valid page
    /// number (the page answers those with a 400, never from a cache).
    /// </summary>
    public static string? AsSent(HttpContext context, IResponseCompressionProvider compression)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(compression);
        var request = context.Request;
        var pages = request.Query[CategoryUrls.PageParameter];
        if (pages.Count > 1 || (pages.Count == 1 && !PageNumber.TryParse(pages[0], out _)))
        {
            return null;
        }

        var encoding = compression.CheckRequestAcceptsCompression(context) ? compression.GetCompressionProvider(context)?.EncodingName : null;
        return AsSent(request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value, pages.Count == 1 ? pages[0] : null, encoding);
    }

    /// <summary>The same from its parts: <paramref name="page"/> is the ?trang= value (null when there is none), <paramref name="encoding"/> the Content-Encoding (null for none).</summary>
    public static string AsSent(string scheme, string? host, string? pathBase, string? path, string? page, string? encoding) =>
        string.Concat(LiveCount(scheme, host, pathBase, path), "\u001e", page, "\u001e", encoding ?? "identity");

    /// <summary>The fast path's guess of the kind of page before it has one: article URLs end in ".html" (<see cref="Features.Articles.ArticleUrls"/>).</summary>
    public static bool LooksLikeArticle(PathString path) =>
        path.Value?.EndsWith(".html", StringComparison.Ordinal) == true;
}
