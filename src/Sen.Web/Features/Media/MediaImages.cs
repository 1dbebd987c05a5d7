using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Sen.Web.Features.Media;

/// <summary>
/// Turns an uploaded image into the files Sen serves: checked from its header before any pixel is
/// decoded, then decoded, auto-oriented, stripped of all metadata (EXIF with GPS, ICC, IPTC, XMP) and
/// re-encoded as WebP and JPEG at each responsive width. Re-encoding also drops whatever else the
/// upload carried (a script appended to a JPEG, comments), since only pixels are written back.
/// </summary>
public sealed class MediaImages(IOptions<MediaOptions> options)
{
    /// <summary>The responsive widths; an image narrower than one is not enlarged to it.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    private static readonly JpegEncoder Jpeg = new() { Quality = 82 };
    private static readonly WebpEncoder Webp = new() { Quality = 80, FileFormat = WebpFileFormatType.Lossy };

    private readonly Configuration configuration = Configuration.Default;

    public ImagePreparation Prepare(ReadOnlyMemory<byte> content, MediaFormat format, string hash)
    {
        ArgumentNullException.ThrowIfNull(format);
        var frames = ImageStructure.Frames(format, content.Span);
        if (frames == 0)
        {
            return ImagePreparation.Problem(MediaMessages.Corrupt);
        }

        var info = Identify(content, format);
        if (info is null)
        {
            return ImagePreparation.Problem(MediaMessages.Corrupt);
        }

        if ((long)info.Width * info.Height * frames > options.Value.MaxPixels)
        {
            return ImagePreparation.Problem(MediaMessages.TooManyPixels, options.Value.MaxPixels / 1_000_000.0);
        }

        using var image = Decode(content);
        if (image is null)
        {
            return ImagePreparation.Problem(MediaMessages.Corrupt);
        }

        // Pages show a still picture; an animation's first frame is it.
        while (image.Frames.Count > 1)
        {
            image.Frames.RemoveFrame(image.Frames.Count - 1);
        }

        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);
        var files = new List<PreparedFile>();
        foreach (var width in VariantWidths(image.Width))
        {
            using var resized = width == image.Width ? image.Clone() : image.Clone(x => x.Resize(width, 0));
            files.Add(Encode(resized, hash, MediaFormat.Webp, Webp));

            // JPEG has no transparency: transparent areas become white, not black.
            resized.Mutate(x => x.BackgroundColor(Color.White));
            files.Add(Encode(resized, hash, MediaFormat.Jpeg, Jpeg));
        }

        return new ImagePreparation(new PreparedImage(image.Width, image.Height, files), null, []);
    }

    /// <summary>The widths stored for an image <paramref name="width"/> pixels wide: the responsive ones below it, and its own.</summary>
    public static IReadOnlyList<int> VariantWidths(int width) => [.. Widths.Where(w => w < width), width];

    private IImageInfo? Identify(ReadOnlyMemory<byte> content, MediaFormat format)
    {
        try
        {
            using var stream = MediaSniffer.OpenRead(content);
            var info = Image.Identify(configuration, stream, out var detected);
            return info is not null && detected?.DefaultMimeType == format.ContentType && info.Width > 0 && info.Height > 0 ? info : null;
        }
        catch (Exception e) when (IsBadImage(e))
        {
            return null;
        }
    }

    private Image<Rgba32>? Decode(ReadOnlyMemory<byte> content)
    {
        try
        {
            return Image.Load<Rgba32>(configuration, content.Span);
        }
        catch (Exception e) when (IsBadImage(e))
        {
            return null;
        }
    }

    // Decoders meeting hostile bytes throw their own exceptions, and sometimes an index or argument
    // error; every one of them means "not an image we can use", never a server error.
    private static bool IsBadImage(Exception e) =>
        e is ImageFormatException or InvalidImageContentException or NotSupportedException
            or IndexOutOfRangeException or ArgumentException or InvalidOperationException or EndOfStreamException
            or SixLabors.ImageSharp.Memory.InvalidMemoryOperationException;

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static PreparedFile Encode(Image image, string hash, MediaFormat format, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return new PreparedFile(MediaKeys.Variant(hash, image.Width, format), format.ContentType, image.Width, image.Height, output.ToArray());
    }
}

/// <summary>An image ready to store, or the message key saying why it cannot be.</summary>
public sealed record ImagePreparation(PreparedImage? Image, string? ProblemKey, IReadOnlyList<object> ProblemArguments)
{
    public static ImagePreparation Problem(string key, params object[] arguments) => new(null, key, arguments);
}

public sealed record PreparedImage(int Width, int Height, IReadOnlyList<PreparedFile> Files);

public sealed record PreparedFile(string Key, string ContentType, int Width, int Height, byte[] Bytes);
