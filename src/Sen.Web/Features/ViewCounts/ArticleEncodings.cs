using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Sen.Web.Features.ViewCounts;

/// <summary>Which compressed form of an article page a request gets.</summary>
internal static class ArticleEncodings
{
    public const string Gzip = "gzip";

    public const string Identity = "identity";

    /// <summary>
    /// Gzip whenever the reader's browser takes it: Brotli would be a little smaller but must be
    /// compressed per view, while gzip can be spliced (<see cref="GzipSplice"/>).
    /// </summary>
    public static bool AcceptsGzip(HttpContext context, IResponseCompressionProvider compression)
    {
        if (!compression.CheckRequestAcceptsCompression(context)
            || !StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptEncoding, out var encodings))
        {
            return false;
        }

        var gzip = encodings.FirstOrDefault(e => e.Value.Equals(Gzip, StringComparison.OrdinalIgnoreCase))
            ?? encodings.FirstOrDefault(e => e.Value.Equals("*", StringComparison.Ordinal));
        return gzip is not null && (gzip.Quality ?? 1) > 0;
    }
}
