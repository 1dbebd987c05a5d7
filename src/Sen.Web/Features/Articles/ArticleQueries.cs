namespace Sen.Web.Features.Articles;

public static class ArticleQueries
{
    /// <summary>
    /// What readers may see: published and not scheduled for later. An article in the bin is never
    /// Published (the workflow's Delete takes it down), so DeletedAt is not tested here: that keeps the
    /// category listings' query inside the (CategoryId, Status, PublishedAt, Id) index instead of reading
    /// every article row (seconds at 100,000 articles, BENCHMARKS.md).
    /// </summary>
    public static IQueryable<Article> Published(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc);
}
