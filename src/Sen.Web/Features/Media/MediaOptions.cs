using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Media;

/// <summary>The "Media" configuration section: where uploads are stored and how large they may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The folder of stored files; empty means <c>{Sen:DataPath}/media</c>. Relative paths are from the content root.</summary>
    public string? Path { get; set; }

    /// <summary>The largest upload, in bytes; a larger one is refused while it is being read.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// The most pixels an image may have (width × height × frames), read from its header before it is
    /// decoded: a small file can claim a huge picture that would take gigabytes to decode.
    /// </summary>
    [Range(1, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;
}
