using Microsoft.AspNetCore.ResponseCompression;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Article pages are the live pages (<see cref="CountsViewsAttribute"/>): their view count is filled in
/// per view. This tells the ready-page cache how to know them and finds their <see cref="LiveCount"/>.
/// </summary>
public sealed class LiveCountPages(ViewCounter counter, GzipSplices gzipSplices, BrotliSplices brotliSplices, IResponseCompressionProvider compression) : ILivePages
{
    // Article URLs end in ".html" (ArticleUrls); the fast path guesses before routing knows the page.
    public bool IsLivePath(PathString path) =>
        path.Value?.EndsWith(".html", StringComparison.Ordinal) == true;

    /// <summary>Gzip when the reader takes it, else Brotli when they take that, else the page as it is: each written without compressing per view.</summary>
    public string? EncodingFor(HttpContext context) => ArticleEncodings.For(context, compression);

    public ILiveRegion? Find(ReadOnlyMemory<byte> page) =>
        ViewCountMarker.TryFind(page.Span, out var start, out var length, out var articleId, out var storedAtRender)
            ? new LiveCount(counter, gzipSplices, brotliSplices, page, start, length, articleId, storedAtRender)
            : null;
}
