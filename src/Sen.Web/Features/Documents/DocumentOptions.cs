using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Documents;

/// <summary>The "Documents" configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The largest attachment, in bytes; a larger one is refused with 413.</summary>
    [Range(1024, 1L << 30)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Documents per page of /van-ban.</summary>
    [Range(1, 200)]
    public int PageSize { get; set; } = 20;
}
