using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Categories;

/// <summary>
/// Keeps, per category tree, the ids of its published articles in page order, so that page 5,000 costs
/// what page 1 costs: an OFFSET walks every skipped index entry, and COUNT(*) reads them all again
/// (BENCHMARKS.md has the figures). The list is rebuilt when an article is added (max id changes), when
/// <see cref="Invalidate"/> is called (editors changing status, date or category), and at the latest
/// after <see cref="MaxAge"/>. Articles whose publication time passes after a build (scheduled ones)
/// are read live and put in front of the list, so they appear on time.
/// </summary>
public sealed class CategoryListings(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Task<Snapshot>> snapshots = new(StringComparer.Ordinal);
    private long generation;

    public sealed record Page(IReadOnlyList<int> Ids, int TotalCount);

    /// <summary>Forget every list; the next request of each category rebuilds it.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        snapshots.Clear();
    }

    public async Task<Page> GetPageAsync(SenDbContext db, IReadOnlyList<int> categoryIds, int skip, int take, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(categoryIds);
        var maxId = await db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var snapshot = await GetSnapshotAsync(categoryIds, maxId, nowUtc, cancellationToken).ConfigureAwait(false);

        var head = snapshot.Cutoff < nowUtc
            ? await InCategories(db.Articles, categoryIds).Published(nowUtc)
                .Where(a => a.PublishedAt > snapshot.Cutoff)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false)
            : [];

        var ids = new List<int>(take);
        for (var i = skip; i < skip + take && i < head.Count + snapshot.Ids.Length; i++)
        {
            ids.Add(i < head.Count ? head[i] : snapshot.Ids[i - head.Count]);
        }

        return new Page(ids, head.Count + snapshot.Ids.Length);
    }

    internal static IQueryable<Article> InCategories(IQueryable<Article> articles, IReadOnlyList<int> ids)
    {
        if (ids.Count == 1)
        {
            var id = ids[0];
            return articles.Where(a => a.CategoryId == id);
        }

        return articles.Where(a => ids.Contains(a.CategoryId));
    }

    private async Task<Snapshot> GetSnapshotAsync(IReadOnlyList<int> categoryIds, int maxId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var key = string.Join(',', categoryIds.Order());
        var currentGeneration = Interlocked.Read(ref generation);
        if (snapshots.TryGetValue(key, out var pending))
        {
            if (!pending.IsCompleted)
            {
                return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (pending.IsCompletedSuccessfully && IsFresh(pending.Result, maxId, nowUtc, currentGeneration))
            {
                return pending.Result;
            }
        }

        // Built outside the request's scope and token: other readers of the same category may await it.
        var build = BuildAsync(categoryIds.ToArray(), maxId, nowUtc, currentGeneration);
        snapshots[key] = build;
        return await build.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool IsFresh(Snapshot snapshot, int maxId, DateTime nowUtc, long currentGeneration) =>
        snapshot.MaxArticleId == maxId
        && snapshot.Generation == currentGeneration
        && snapshot.Cutoff <= nowUtc
        && clock.GetElapsedTime(snapshot.BuiltAt) < MaxAge;

    private async Task<Snapshot> BuildAsync(int[] categoryIds, int maxId, DateTime cutoff, long builtGeneration)
    {
        var builtAt = clock.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        var ids = await InCategories(db.Articles, categoryIds).Published(cutoff)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .ToArrayAsync(CancellationToken.None).ConfigureAwait(false);
        return new Snapshot(ids, cutoff, maxId, builtGeneration, builtAt);
    }

    private sealed record Snapshot(int[] Ids, DateTime Cutoff, int MaxArticleId, long Generation, long BuiltAt);
}
