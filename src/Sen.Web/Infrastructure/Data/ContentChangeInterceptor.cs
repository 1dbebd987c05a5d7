using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Cluster;

namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// Sees every committed EF save that changes what readers are shown and tells the caches: the
/// features' <see cref="IContentChangeRule"/>s say, per saved row, which cached public pages to evict
/// and which in-memory views (category listings, the publication schedule) to refresh; this acts on it
/// once the save commits. Doing it here rather than in each handler means no writer (handler,
/// importer, newsroom) can forget. Nothing happens for a save that is rolled back. Other nodes refresh
/// their in-memory views too (<see cref="ClusterChanges"/>).
/// </summary>
public sealed class ContentChangeInterceptor(IEnumerable<IContentChangeRule> rules, PublicCache cache, ClusterChanges cluster)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly FrozenDictionary<Type, IContentChangeRule[]> rulesByType = rules
        .GroupBy(r => r.EntityType)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray());

    private readonly ConcurrentDictionary<DbContext, ContentChange> pending = new(ReferenceEqualityComparer.Instance);

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
    public Task BulkChangedAsync(CancellationToken cancellationToken)
    {
        var change = new ContentChange();
        foreach (var rule in rulesByType.Values.SelectMany(r => r))
        {
            rule.BulkChanged(change);
        }

        change.Evict(PublicCache.Tags.Chrome);
        return ApplyAsync(change, cancellationToken);
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var change = pending.GetOrAdd(context, _ => new ContentChange());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && rulesByType.TryGetValue(entry.Metadata.ClrType, out var typeRules))
            {
                foreach (var rule in typeRules)
                {
                    rule.Saving(entry, change);
                }
            }
        }
    }

    private async ValueTask SettleAsync(DbContext? context, bool committed, CancellationToken cancellationToken)
    {
        if (context is null || !pending.TryRemove(context, out var change) || !committed)
        {
            return;
        }

        await ApplyAsync(change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True once this process changed what readers see (a command then tells the serving nodes: <see cref="Cluster.ContentStamps"/>).</summary>
    public bool ChangedContent { get; private set; }

    private async Task ApplyAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (change.Tags.Count > 0 || change.Refreshes.Count > 0)
        {
            ChangedContent = true;
        }

        foreach (var refresh in change.Refreshes)
        {
            refresh();
        }

        // The other nodes keep the same things in memory (their cached pages are in the shared store).
        if (change.Refreshes.Count > 0)
        {
            cluster.Announce();
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
}
