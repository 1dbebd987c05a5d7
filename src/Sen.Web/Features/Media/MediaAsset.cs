namespace Sen.Web.Features.Media;

/// <summary>An uploaded image or file of one site. Images are stored re-encoded, as <see cref="Variants"/>; files as they came.</summary>
public sealed class MediaAsset
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>The uploader's file name, cleaned for display; never used to store or serve the file.</summary>
    public required string OriginalName { get; set; }

    /// <summary>The type recognized from the content (for images, of the upload; the variants are WebP and JPEG).</summary>
    public required string ContentType { get; set; }

    /// <summary>Size of the upload.</summary>
    public long Bytes { get; set; }

    /// <summary>Of an image after auto-orientation; null for files.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex; unique per site, so the same upload is stored once.</summary>
    public required string Hash { get; set; }

    /// <summary>
    /// The stored file that stands for the asset (<see cref="MediaKeys"/>): the file itself, or an image's
    /// JPEG at its full size. Articles name an asset by its URL, <c>/media/{Key}</c>.
    /// </summary>
    public required string Key { get; set; }

    /// <summary>Required for images: what a reader who cannot see the picture is told.</summary>
    public string AltText { get; set; } = "";

    public string Caption { get; set; } = "";

    /// <summary>Name, alt text and caption folded (<see cref="Text.VietnameseText.Fold"/>), for the library's search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    public int? CreatedById { get; set; }

    public List<MediaVariant> Variants { get; set; } = [];
}

/// <summary>One stored rendition of an image: a width in one format.</summary>
public sealed class MediaVariant
{
    public int Id { get; set; }

    public int MediaAssetId { get; set; }

    public required string Key { get; set; }

    /// <summary>"image/webp" or "image/jpeg".</summary>
    public required string ContentType { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long Bytes { get; set; }
}
