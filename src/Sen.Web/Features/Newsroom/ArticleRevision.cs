using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// One save of an article's working copy: every editable field, who saved it and when. Revisions are
/// only added; the newest is the working copy, and publishing copies one into the <c>Article</c> row.
/// </summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary>1, 2, … per article.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Lead { get; set; } = "";

    [SanitizedHtml]
    public string BodyHtml { get; set; } = "";

    public int CategoryId { get; set; }

    public string AuthorName { get; set; } = "";

    public string AuthorUnit { get; set; } = "";

    public string? CoverImageUrl { get; set; }

    public string? CoverCaption { get; set; }

    public bool IsFeatured { get; set; }

    /// <summary>The requested publication time (UTC); null publishes at approval.</summary>
    public DateTime? PublishAt { get; set; }

    public DateTime SavedAt { get; set; }

    public int? SavedById { get; set; }

    public string SavedByName { get; set; } = "";

    /// <summary>
    /// Why this revision exists when it is not a plain save: a strings.tsv key (Revision.Note.*), since the
    /// newsroom shows it in the reader's language.
    /// </summary>
    public string? Note { get; set; }

    /// <summary>The older revision this one restores.</summary>
    public int? RestoredFrom { get; set; }
}
