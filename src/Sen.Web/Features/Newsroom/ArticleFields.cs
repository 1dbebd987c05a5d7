using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom;

/// <summary>Everything the editor edits in an article: what a revision stores and publishing copies into the article.</summary>
public sealed record ArticleFields(
    string Title,
    string Slug,
    string Lead,
    string BodyHtml,
    int CategoryId,
    string AuthorName = "",
    string AuthorUnit = "",
    string? CoverImageUrl = null,
    string? CoverCaption = null,
    bool IsFeatured = false,
    DateTime? PublishAt = null)
{
    /// <summary>Trimmed, with a slug suggested from the title when none is given.</summary>
    public ArticleFields Normalized()
    {
        var title = (Title ?? "").Trim();
        var slug = string.IsNullOrWhiteSpace(Slug) ? Text.Slug.From(title) : Slug.Trim();
        return this with
        {
            Title = title,
            Slug = slug,
            Lead = (Lead ?? "").Trim(),
            BodyHtml = BodyHtml ?? "",
            AuthorName = (AuthorName ?? "").Trim(),
            AuthorUnit = (AuthorUnit ?? "").Trim(),
            CoverImageUrl = string.IsNullOrWhiteSpace(CoverImageUrl) ? null : CoverImageUrl.Trim(),
            CoverCaption = string.IsNullOrWhiteSpace(CoverCaption) ? null : CoverCaption.Trim(),
            PublishAt = PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        };
    }

    /// <summary>The strings.tsv key of the first problem, or null (call on <see cref="Normalized"/> fields).</summary>
    public string? Problem() =>
        Title.Length == 0 ? "Newsroom.Title.Required"
        : Title.Length > 500 ? "Newsroom.Title.TooLong"
        : !Text.Slug.IsWellFormed(Slug) ? "Newsroom.Slug.Invalid"
        : Lead.Length > 2000 ? "Newsroom.Lead.TooLong"
        : AuthorName.Length > 200 || AuthorUnit.Length > 200 ? "Newsroom.Author.TooLong"
        : CoverImageUrl?.Length > 1000 || CoverCaption?.Length > 1000 ? "Newsroom.Cover.TooLong"
        : CoverImageUrl is not null && !IsImageAddress(CoverImageUrl) ? "Newsroom.Cover.BadUrl"
        : null;

    /// <summary>
    /// A path on this site ("/media/...") or an http(s) address: the cover goes into an img src on public
    /// pages, so no other scheme (javascript:, data:) and no protocol-relative "//host" may get there.
    /// </summary>
    public static bool IsImageAddress(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp);
    }

    public static ArticleFields Of(ArticleRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return new(revision.Title, revision.Slug, revision.Lead, revision.BodyHtml, revision.CategoryId, revision.AuthorName,
            revision.AuthorUnit, revision.CoverImageUrl, revision.CoverCaption, revision.IsFeatured, revision.PublishAt);
    }

    /// <summary>The published copy's fields (for articles that came in without a revision: importer, generator).</summary>
    public static ArticleFields Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Title, article.Slug, article.Lead, article.BodyHtml, article.CategoryId, article.AuthorName,
            article.AuthorUnit, article.CoverImageUrl, article.CoverCaption, article.IsFeatured, null);
    }

    public void CopyTo(ArticleRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        revision.Title = Title;
        revision.Slug = Slug;
        revision.Lead = Lead;
        revision.BodyHtml = BodyHtml;
        revision.CategoryId = CategoryId;
        revision.AuthorName = AuthorName;
        revision.AuthorUnit = AuthorUnit;
        revision.CoverImageUrl = CoverImageUrl;
        revision.CoverCaption = CoverCaption;
        revision.IsFeatured = IsFeatured;
        revision.PublishAt = PublishAt;
    }

    /// <summary>Makes these the fields readers see (publication time apart: publishing decides it).</summary>
    public void CopyTo(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        article.Title = Title;
        article.Slug = Slug;
        article.Lead = Lead;
        article.BodyHtml = BodyHtml;
        article.CategoryId = CategoryId;
        article.AuthorName = AuthorName;
        article.AuthorUnit = AuthorUnit;
        article.CoverImageUrl = CoverImageUrl;
        article.CoverCaption = CoverCaption;
        article.IsFeatured = IsFeatured;
    }
}
