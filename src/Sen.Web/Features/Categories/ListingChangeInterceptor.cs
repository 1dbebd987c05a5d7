using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Categories;

/// <summary>
/// Tells <see cref="CategoryListings"/> when a save changed which articles a category lists or their
/// order (added, deleted, status, publication time, category), once the change is committed. Saves that
/// only touch other columns (text, view counts) leave the lists alone.
/// </summary>
public sealed class ListingChangeInterceptor(CategoryListings listings) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] ListedBy = [nameof(Article.Status), nameof(Article.PublishedAt), nameof(Article.CategoryId), nameof(Article.SiteId)];

    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SettleOutsideTransaction(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SettleOutsideTransaction(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Settle(eventData?.Context, true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData?.Context, true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Settle(eventData?.Context, false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData?.Context, false);
        return Task.CompletedTask;
    }

    private void Note(DbContextEventData eventData)
    {
        var context = eventData?.Context;
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Article>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && ListedBy.Any(p => entry.Property(p).IsModified)))
            {
                pending.AddOrUpdate(context, this);
                return;
            }
        }
    }

    private void SettleOutsideTransaction(SaveChangesCompletedEventData eventData)
    {
        if (eventData?.Context is { } context && context.Database.CurrentTransaction is null)
        {
            Settle(context, true);
        }
    }

    private void Settle(DbContext? context, bool committed)
    {
        if (context is not null && pending.Remove(context) && committed)
        {
            listings.Invalidate();
        }
    }
}
