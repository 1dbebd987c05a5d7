using System.Globalization;

namespace Sen.Web.Features.Media;

/// <summary>
/// A stored image as a <c>&lt;picture&gt;</c>: WebP and JPEG sources at every stored width, the browser
/// picking by <see cref="Sizes"/>; the width and height let the page reserve its space before it loads.
/// Rendered by <c>Features/Media/_ResponsiveImage.cshtml</c>.
/// </summary>
public sealed record ResponsiveImage(int MediaAssetId, string Alt, int Width, int Height, IReadOnlyList<ResponsiveImage.Source> Sources)
{
    /// <summary>The article column is at most 800 CSS pixels wide and the whole screen on phones.</summary>
    public const string ArticleSizes = "(max-width: 800px) 100vw, 800px";

    public string Sizes { get; init; } = ArticleSizes;

    public string WebpSrcset => Srcset(MediaFormat.Webp.ContentType);

    public string JpegSrcset => Srcset(MediaFormat.Jpeg.ContentType);

    /// <summary>For browsers without <c>&lt;picture&gt;</c>: the JPEG nearest the article column's width.</summary>
    public string FallbackSrc =>
        Sources.Where(s => s.ContentType == MediaFormat.Jpeg.ContentType).OrderBy(s => Math.Abs(s.Width - 960)).Select(s => MediaKeys.Url(s.Key)).First();

    /// <summary>The picture of an image asset, or null when it has no JPEG variant (a file, not an image).</summary>
    public static ResponsiveImage? From(int mediaAssetId, string alt, int width, int height, IEnumerable<Source> sources)
    {
        IReadOnlyList<Source> list = [.. sources.OrderBy(s => s.Width)];
        return list.Any(s => s.ContentType == MediaFormat.Jpeg.ContentType) && width > 0 && height > 0
            ? new ResponsiveImage(mediaAssetId, alt, width, height, list)
            : null;
    }

    private string Srcset(string contentType) =>
        string.Join(", ", Sources.Where(s => s.ContentType == contentType).Select(s => string.Create(CultureInfo.InvariantCulture, $"{MediaKeys.Url(s.Key)} {s.Width}w")));

    public sealed record Source(string Key, string ContentType, int Width);
}
