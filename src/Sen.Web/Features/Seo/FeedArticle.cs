using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Seo;

/// <summary>An article as feeds and sitemaps list it.</summary>
public sealed record FeedArticle(int Id, string Title, string Slug, string Lead, string CategorySlug, string CategoryName, DateTime PublishedAt, DateTime UpdatedAt)
{
    public string Url => ArticleUrls.Article(CategorySlug, Slug, Id);

    /// <summary>When readers last saw it change: an edit made before publication is no later change.</summary>
    public DateTime ModifiedAt => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;

    public static IQueryable<FeedArticle> From(IQueryable<Article> articles) =>
        articles.Select(a => new FeedArticle(a.Id, a.Title, a.Slug, a.Lead, a.Category!.Slug, a.Category.Name, a.PublishedAt!.Value, a.UpdatedAt));
}
