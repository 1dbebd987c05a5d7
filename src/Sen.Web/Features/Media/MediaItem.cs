namespace Sen.Web.Features.Media;

/// <summary>An asset as the newsroom shows it: in the library, after an upload.</summary>
public sealed record MediaItem(
    int Id,
    MediaKind Kind,
    string OriginalName,
    string ContentType,
    long Bytes,
    int? Width,
    int? Height,
    string AltText,
    string Caption,
    DateTime CreatedAt,
    string Key)
{
    /// <summary>Where readers get it: the file itself, or an image's full-size JPEG.</summary>
    public string Url => MediaKeys.Url(Key);

    /// <summary>A small picture for the library's grid (an image's narrowest WebP); null for files.</summary>
    public string? ThumbnailUrl { get; init; }

    internal static IQueryable<MediaItem> From(IQueryable<MediaAsset> assets) =>
        assets.Select(a => new MediaItem(a.Id, a.Kind, a.OriginalName, a.ContentType, a.Bytes, a.Width, a.Height, a.AltText, a.Caption, a.CreatedAt, a.Key)
        {
            ThumbnailUrl = a.Variants.Where(v => v.ContentType == "image/webp").OrderBy(v => v.Width).Select(v => MediaKeys.UrlPrefix + v.Key).FirstOrDefault(),
        });
}
