using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>One page of a category's published articles, newest first, its subcategories included.</summary>
public sealed class ListCategoryArticles(SenDbContext db, TimeProvider clock, CategoryListings listings)
{
    public const int PageSize = 20;

    /// <summary>CategoryIds: the category and its descendants (<see cref="CategoryTree.WithDescendants"/>); Page counts from 1.</summary>
    public sealed record Query(IReadOnlyList<int> CategoryIds, int Page);

    public sealed record Result(IReadOnlyList<ArticleSummary> Articles, int TotalCount)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow().UtcDateTime;
        // The page's ids come from the in-memory listing; only its 20 rows are read from the table.
        var page = await listings.GetPageAsync(db, query.CategoryIds, (query.Page - 1) * PageSize, PageSize, now, cancellationToken).ConfigureAwait(false);
        var pageIds = page.Ids;

        var rows = await db.Articles.AsNoTracking()
            .Where(a => pageIds.Contains(a.Id))
            .Published(now)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Lead, a.CoverImageUrl, a.PublishedAt, CategorySlug = a.Category!.Slug, CategoryName = a.Category.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var articles = rows
            .Select(r => new ArticleSummary(r.Id, r.Title, r.Slug, r.Lead, r.CoverImageUrl, r.CategorySlug, r.CategoryName, r.PublishedAt!.Value))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .ToList();
        return new Result(articles, page.TotalCount);
    }
}
