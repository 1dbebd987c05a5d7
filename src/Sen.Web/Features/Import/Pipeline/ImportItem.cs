using System.Text.Json.Serialization;

namespace Sen.Web.Features.Import.Pipeline;

/// <summary>
/// One item read from an old site, in the shape every importer hands to the import pipeline
/// (<c>sen import pages</c>, <c>sen import wordpress</c>, <c>sen import text</c>).
/// </summary>
/// <param name="SourceKey">Stable key of the item in its source ("wp:123", "pages:tin-tuc/bai-1.html"); re-importing the same key updates instead of duplicating.</param>
/// <param name="SourceUrl">The item's original address when known (absolute or site-relative).</param>
/// <param name="OldPaths">Paths with query on the old site that must answer 301 to the new address ("/?p=123", "/Default.aspx?tabid=54&amp;ItemID=987").</param>
/// <param name="Title">The title, NFC.</param>
/// <param name="PublishedAt">The original publish time in UTC; null when the source gave none (the item is then reported and lands as a draft).</param>
/// <param name="Views">The original view count (0 when unknown).</param>
/// <param name="AuthorName">The author as the source names them, or null.</param>
/// <param name="BodyHtml">The body as HTML; images refer to <see cref="ImportMedia.Reference"/> in their src, sanitized by the pipeline.</param>
/// <param name="Lead">A summary (sapo) when the source has one.</param>
/// <param name="CategoryPath">Category names from the root to the leaf (a breadcrumb or a WordPress category chain); empty for the default category.</param>
/// <param name="Tags">Keywords (WordPress tags).</param>
/// <param name="Media">Files to copy into the media store; the body and <see cref="CoverReference"/> refer to them.</param>
/// <param name="CoverReference">The <see cref="ImportMedia.Reference"/> of the cover (featured) image, or null.</param>
/// <param name="Draft">True when the source marks it unpublished.</param>
public sealed record ImportItem(
    string SourceKey,
    string? SourceUrl,
    IReadOnlyList<string> OldPaths,
    string Title,
    DateTime? PublishedAt,
    long Views,
    string? AuthorName,
    string BodyHtml,
    string? Lead,
    IReadOnlyList<string> CategoryPath,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ImportMedia> Media,
    string? CoverReference,
    bool Draft)
{
    /// <summary>The author's unit or office ("Ban Tuyên giáo Tỉnh ủy"), when the source names it apart from the author.</summary>
    /// <remarks>Left out of the item's hash when null, so items imported before it existed still count as unchanged.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthorUnit { get; init; }
}

/// <param name="Reference">How the body refers to the file (its original src or URL).</param>
/// <param name="LocalPath">The file on disk to copy (inside the saved folder or the uploads folder); null when missing, which the pipeline reports.</param>
/// <param name="Caption">The caption shown under the image, when the source has one.</param>
/// <param name="AltText">The alternative text, when the source has one.</param>
public sealed record ImportMedia(string Reference, string? LocalPath, string? Caption, string? AltText);

/// <summary>An item a source could not read, reported with its reason and where it came from.</summary>
public sealed record ImportFailure(string Source, string Reason);

/// <summary>What a source yields: an item, or a failure that does not stop the import.</summary>
public sealed record ImportRead(ImportItem? Item, ImportFailure? Failure)
{
    public static ImportRead Of(ImportItem item) => new(item, null);

    public static ImportRead Failed(string source, string reason) => new(null, new ImportFailure(source, reason));
}

/// <summary>A source of items (a folder of saved pages, a WordPress export): read lazily, so large sources stream.</summary>
public interface IImportSource
{
    /// <summary>A short name for summaries and the redirect table's Source column ("import-pages", "import-wordpress").</summary>
    string Name { get; }

    IAsyncEnumerable<ImportRead> ReadAsync(CancellationToken cancellationToken);
}
