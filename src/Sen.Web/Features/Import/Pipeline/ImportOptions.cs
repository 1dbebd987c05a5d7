namespace Sen.Web.Features.Import.Pipeline;

/// <summary>How imported items land: published or as drafts, in which categories, written or only tried.</summary>
/// <param name="Status">Published (items without a date still land as drafts, reported) or Draft.</param>
/// <param name="Maps">Old category (name or slug, at any level of the path) → an existing category (slug or name).</param>
/// <param name="DefaultCategory">The slug or name of the category for items without a category path; null: "Bài viết cũ", created when needed.</param>
/// <param name="DryRun">The whole run inside one transaction rolled back at the end, no media copied: a summary, nothing written.</param>
/// <param name="BatchSize">Items per transaction: an interrupted run loses at most one batch, and a re-run skips what was committed.</param>
public sealed record ImportOptions(
    ImportStatus Status = ImportStatus.Published,
    IReadOnlyList<CategoryMapping>? Maps = null,
    string? DefaultCategory = null,
    bool DryRun = false,
    int BatchSize = 200);

public enum ImportStatus
{
    Published,
    Draft,
}

/// <summary>`--map "Tin cũ=tin-tuc-su-kien"`.</summary>
public sealed record CategoryMapping(string From, string To)
{
    public static CategoryMapping? Parse(string? text)
    {
        var parts = (text ?? "").Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? new CategoryMapping(parts[0], parts[1]) : null;
    }

    public override string ToString() => From + "=" + To;
}

/// <summary>A source that knows how many items it holds before reading them (a folder of pages): the progress bar shows a total.</summary>
public interface ICountedImportSource : IImportSource
{
    int Count { get; }
}
