using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Sen.Web.Features.Articles;

/// <summary>
/// Whether saving an article changes anything readers see (docs/NEWSROOM.md): only a public article
/// (or one entering or leaving the public site) can, and only through a field readers see. Drafts,
/// submissions, returns and autosaves write revisions and workflow fields only, so they evict nothing.
/// </summary>
internal static class ReaderVisibleChange
{
    // Listed by what readers do NOT see, so that a field added later evicts until someone says otherwise.
    private static readonly HashSet<string> NewsroomOnly = new(StringComparer.Ordinal)
    {
        nameof(Article.Review), nameof(Article.LatestRevision), nameof(Article.PublishedRevision), nameof(Article.OwnerId),
        nameof(Article.SubmittedById), nameof(Article.ReviewComment), nameof(Article.UpdatedAt), nameof(Article.Version),
    };

    public static bool Affects(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!WasPublic(entry) && !IsPublic(entry))
        {
            return false;
        }

        return entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !NewsroomOnly.Contains(p.Metadata.Name));
    }

    public static bool Modified(EntityEntry entry, string property)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.State == EntityState.Modified && entry.Property(property).IsModified;
    }

    private static bool WasPublic(EntityEntry entry) =>
        entry.State is EntityState.Modified or EntityState.Deleted
        && entry.Property(nameof(Article.Status)).OriginalValue is ArticleStatus.Published
        && entry.Property(nameof(Article.DeletedAt)).OriginalValue is null;

    private static bool IsPublic(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified
        && entry.Entity is Article { Status: ArticleStatus.Published, DeletedAt: null };
}
