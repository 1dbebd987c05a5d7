namespace Sen.Web.Features.Articles;

public static class ArticleQueries
{
    /// <summary>What readers may see: published, not scheduled for later, not in the bin.</summary>
    public static IQueryable<Article> Published(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc && a.DeletedAt == null);
}
