namespace Sen.Web.Features.Articles;

/// <summary>An article as lists show it.</summary>
public sealed record ArticleSummary(
    int Id,
    string Title,
    string Slug,
    string Lead,
    string? CoverImageUrl,
    string CategorySlug,
    string CategoryName,
    DateTime PublishedAt)
{
    public string Url => ArticleUrls.Article(CategorySlug, Slug, Id);
}
