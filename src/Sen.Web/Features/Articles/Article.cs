using Sen.Web.Features.Categories;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

public sealed class Article
{
    public const int ImportSourceKeyMaxLength = 400;
    public const int KeywordsMaxLength = 500;

    public int Id { get; set; }

    public int SiteId { get; set; }

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    public required string Title { get; set; }

    /// <summary>Descriptive part of the URL; the id is what identifies the article, so a stale slug redirects.</summary>
    public required string Slug { get; set; }

    public string Lead { get; set; } = "";

    /// <summary>Sanitized when saved, whoever writes it.</summary>
    [SanitizedHtml]
    public string BodyHtml { get; set; } = "";

    public string? CoverImageUrl { get; set; }

    public string? CoverCaption { get; set; }

    public string AuthorName { get; set; } = "";

    public string AuthorUnit { get; set; } = "";

    public ArticleStatus Status { get; set; }

    public bool IsFeatured { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Flushed in batches by the view counter; never written from an edit form.</summary>
    public long ViewCount { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every edit.</summary>
    public int Version { get; set; }

    // Workflow fields (docs/NEWSROOM.md): readers never see them, so changing only these evicts nothing.

    /// <summary>The working copy's state; None when it equals the published copy.</summary>
    public ReviewState Review { get; set; }

    /// <summary>The number of the newest <c>ArticleRevision</c>: the working copy. 0 before the first revision.</summary>
    public int LatestRevision { get; set; }

    /// <summary>The revision whose fields this row shows readers; null while never published.</summary>
    public int? PublishedRevision { get; set; }

    /// <summary>The user who created the article; writers may act only on their own.</summary>
    public int? OwnerId { get; set; }

    /// <summary>Who submitted the working copy for approval; they may not approve it themselves.</summary>
    public int? SubmittedById { get; set; }

    /// <summary>The approver's comment when the article was last returned.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>In the bin since (UTC); binned articles are never public.</summary>
    public DateTime? DeletedAt { get; set; }

    // Import (docs/IMPORT.md): the item's key in its source, unique per site, so a re-run updates instead of duplicating.

    /// <summary>The source's key of the item this article was imported from ("pages:tin-tuc/bai-1.html", "wp:post:123"); null when written here.</summary>
    public string? ImportSourceKey { get; set; }

    /// <summary>A hash of the imported item as last read: the same hash on a re-run means unchanged.</summary>
    public string? ImportHash { get; set; }

    /// <summary>Keywords (an old site's tags), comma separated.</summary>
    public string? Keywords { get; set; }
}
