using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

/// <summary>
/// A saved article that changes what readers see (<see cref="ReaderVisibleChange"/>) changes its own page,
/// the home page and its category's pages (the old category's too when it moved); a change of status,
/// publication time or bin also moves the next scheduled publication. Newsroom-only saves change nothing here.
/// </summary>
internal sealed class ArticleChangeRule(PublicationSchedule schedule) : ContentChangeRule<Article>
{
    private static readonly string[] Scheduling = [nameof(Article.Status), nameof(Article.PublishedAt), nameof(Article.DeletedAt)];

    protected override void Saving(EntityEntry entry, Article article, ContentChange change)
    {
        if (!ReaderVisibleChange.Affects(entry))
        {
            return;
        }

        change.Evict(PublicCache.Tags.Home);
        change.Evict(PublicCache.Tags.Category(article.CategoryId));
        if (entry.State != EntityState.Added)
        {
            change.Evict(PublicCache.Tags.Article(article.Id));
            change.Evict(PublicCache.Tags.Category(entry.Property(nameof(Article.CategoryId)).OriginalValue as int? ?? article.CategoryId));
        }

        if (entry.State != EntityState.Modified || Scheduling.Any(p => ReaderVisibleChange.Modified(entry, p)))
        {
            change.Refresh(schedule.Invalidate);
        }
    }

    public override void BulkChanged(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Refresh(schedule.Invalidate);
    }
}
