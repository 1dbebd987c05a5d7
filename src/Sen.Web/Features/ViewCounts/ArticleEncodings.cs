using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Sen.Web.Features.ViewCounts;

/// <summary>Which compressed form of an article page a request gets.</summary>
internal static class ArticleEncodings
{
    public const string Gzip = "gzip";

    public const string Brotli = "br";

    public const string Identity = "identity";

    /// <summary>
    /// Gzip whenever the reader's browser takes it (<see cref="GzipSplice"/>: the whole page compressed at
    /// the optimal level once per version), else Brotli (<see cref="BrotliSplice"/>), else the page as it
    /// is; null when the reader asks only for codings Sen does not write (the full pipeline decides).
    /// None of them compresses per view.
    /// </summary>
    public static string? For(HttpContext context, IResponseCompressionProvider compression)
    {
        if (!compression.CheckRequestAcceptsCompression(context))
        {
            return Identity;
        }

        if (!StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptEncoding, out var encodings))
        {
            return null;
        }

        var any = encodings.FirstOrDefault(e => e.Value.Equals("*", StringComparison.Ordinal));
        if (Accepts(encodings, Gzip, any))
        {
            return Gzip;
        }

        return Accepts(encodings, Brotli, any) ? Brotli : null;
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> encodings, string name, StringWithQualityHeaderValue? any)
    {
        var named = encodings.FirstOrDefault(e => e.Value.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? any;
        return named is not null && (named.Quality ?? 1) > 0;
    }
}
