using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>
/// Category names, slugs, order and the tree are in the menus and breadcrumbs around every page (the chrome);
/// adding, removing or moving one changes what categories list.
/// </summary>
internal sealed class CategoryChangeRule(CategoryListings listings) : ContentChangeRule<Category>
{
    protected override void Saving(EntityEntry entry, Category category, ContentChange change)
    {
        change.Evict(PublicCache.Tags.Chrome);
        // Moving a category under another parent changes what both parents' pages list.
        if (entry.State != EntityState.Modified || entry.Property(nameof(Category.ParentId)).IsModified)
        {
            change.Refresh(listings.Invalidate);
        }
    }

    public override void BulkChanged(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Refresh(listings.Invalidate);
    }
}

/// <summary>
/// The in-memory listings hold which published articles each category shows, newest first; only a save
/// readers see (<see cref="ReaderVisibleChange"/>) that moves an article in or out of a listing changes them.
/// </summary>
internal sealed class ListedArticleChangeRule(CategoryListings listings) : ContentChangeRule<Article>
{
    private static readonly string[] ListedBy = [nameof(Article.Status), nameof(Article.PublishedAt), nameof(Article.CategoryId), nameof(Article.SiteId), nameof(Article.DeletedAt)];

    protected override void Saving(EntityEntry entry, Article article, ContentChange change)
    {
        if (ReaderVisibleChange.Affects(entry) && (entry.State != EntityState.Modified || ListedBy.Any(p => entry.Property(p).IsModified)))
        {
            change.Refresh(listings.Invalidate);
        }
    }

    public override void BulkChanged(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Refresh(listings.Invalidate);
    }
}
