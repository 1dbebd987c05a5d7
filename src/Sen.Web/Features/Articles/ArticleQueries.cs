namespace Sen.Web.Features.Articles;

public static class ArticleQueries
{
    /// <summary>What readers may see: published, and not scheduled for later.</summary>
    public static IQueryable<Article> Published(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc);
}
