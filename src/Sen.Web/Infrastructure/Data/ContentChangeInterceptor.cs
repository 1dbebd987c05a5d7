using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Links;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// Sees every committed EF save that changes what readers are shown and tells the caches: it evicts
/// the cached public pages that show the changed rows, drops the in-memory category listings when
/// a save changed what a category lists, and makes the publication schedule look again. Doing it
/// here rather than in each handler means no writer (handler, importer, future newsroom) can forget.
/// Nothing happens for a save that is rolled back.
/// </summary>
public sealed class ContentChangeInterceptor(CategoryListings listings, PublicCache cache, PublicationSchedule schedule)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] ListedBy = [nameof(Article.Status), nameof(Article.PublishedAt), nameof(Article.CategoryId), nameof(Article.SiteId)];

    private readonly ConcurrentDictionary<DbContext, Change> pending = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData?.Context is { } context && context.Database.CurrentTransaction is null)
        {
            SettleAsync(context, committed: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await SettleAsync(context, committed: true, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        SettleAsync(eventData?.Context, committed: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        SettleAsync(eventData?.Context, committed: true, cancellationToken).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>For writers that bypass EF (bulk SQL): everything readers see may have changed.</summary>
    public async Task BulkChangedAsync(CancellationToken cancellationToken)
    {
        listings.Invalidate();
        schedule.Invalidate();
        await cache.EvictAsync([PublicCache.Tags.Chrome], cancellationToken).ConfigureAwait(false);
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var change = pending.GetOrAdd(context, _ => new Change());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Article article:
                    change.Tags.Add(PublicCache.Tags.Home);
                    change.Tags.Add(PublicCache.Tags.Category(article.CategoryId));
                    if (entry.State != EntityState.Added)
                    {
                        change.Tags.Add(PublicCache.Tags.Article(article.Id));
                        change.Tags.Add(PublicCache.Tags.Category(entry.Property(nameof(Article.CategoryId)).OriginalValue as int? ?? article.CategoryId));
                    }

                    change.Listings |= entry.State != EntityState.Modified || ListedBy.Any(p => entry.Property(p).IsModified);
                    break;
                case Category or WebsiteLink or Site:
                    // Shown around every page (menus, links, site name and footer).
                    change.Tags.Add(PublicCache.Tags.Chrome);
                    change.Listings |= entry.Entity is Category && entry.State != EntityState.Modified;
                    break;
            }
        }
    }

    private async ValueTask SettleAsync(DbContext? context, bool committed, CancellationToken cancellationToken)
    {
        if (context is null || !pending.TryRemove(context, out var change) || !committed)
        {
            return;
        }

        if (change.Listings)
        {
            listings.Invalidate();
            schedule.Invalidate();
        }

        if (change.Tags.Count > 0)
        {
            await cache.EvictAsync(change.Tags, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            pending.TryRemove(context, out _);
        }
    }

    private sealed class Change
    {
        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

        public bool Listings { get; set; }
    }
}
