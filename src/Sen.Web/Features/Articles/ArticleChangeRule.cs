using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Articles;

/// <summary>
/// A saved article changes its own page, the home page and its category's pages (the old category's
/// too when it moved); a change of status or publication time also moves the next scheduled publication.
/// </summary>
internal sealed class ArticleChangeRule(PublicationSchedule schedule) : ContentChangeRule<Article>
{
    protected override void Saving(EntityEntry entry, Article article, ContentChange change)
    {
        change.Evict(PublicCache.Tags.Home);
        change.Evict(PublicCache.Tags.Category(article.CategoryId));
        if (entry.State != EntityState.Added)
        {
            change.Evict(PublicCache.Tags.Article(article.Id));
            change.Evict(PublicCache.Tags.Category(entry.Property(nameof(Article.CategoryId)).OriginalValue as int? ?? article.CategoryId));
        }

        if (entry.State != EntityState.Modified
            || entry.Property(nameof(Article.Status)).IsModified
            || entry.Property(nameof(Article.PublishedAt)).IsModified)
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
