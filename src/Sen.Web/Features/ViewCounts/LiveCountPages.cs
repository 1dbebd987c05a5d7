using Microsoft.AspNetCore.ResponseCompression;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Article pages are the live pages (<see cref="CountsViewsAttribute"/>): their view count is filled in
/// per view. This tells the ready-page cache how to know them and finds their <see cref="LiveCount"/>.
/// </summary>
public sealed class LiveCountPages(ViewCounter counter, GzipSplices gzipSplices, IResponseCompressionProvider compression) : ILivePages
{
    // Article URLs end in ".html" (ArticleUrls); the fast path guesses before routing knows the page.
    public bool IsLivePath(PathString path) =>
        path.Value?.EndsWith(".html", StringComparison.Ordinal) == true;

    public string? EncodingFor(HttpContext context)
    {
        if (ArticleEncodings.AcceptsGzip(context, compression))
        {
            return ArticleEncodings.Gzip;
        }

        return compression.CheckRequestAcceptsCompression(context) ? null : ArticleEncodings.Identity;
    }

    public ILiveRegion? Find(ReadOnlyMemory<byte> page) =>
        ViewCountMarker.TryFind(page.Span, out var start, out var length, out var articleId, out var storedAtRender)
            ? new LiveCount(counter, gzipSplices, page, start, length, articleId, storedAtRender)
            : null;
}
