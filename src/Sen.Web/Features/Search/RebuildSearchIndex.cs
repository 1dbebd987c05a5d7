using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>Rebuilds the whole index from the articles, in one transaction so readers never see it half empty.</summary>
public sealed class RebuildSearchIndex(SenDbContext db)
{
    private const int BatchSize = 500;

    public async Task<int> HandleAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var count = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            count = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.SearchEntries.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var lastId = 0;
            while (true)
            {
                var batch = await db.Articles.AsNoTracking()
                    .Where(a => a.Id > lastId)
                    .OrderBy(a => a.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var article in batch.Where(SearchEntryBuilder.IsSearchable))
                {
                    var row = new SearchEntry();
                    SearchEntryBuilder.Fill(row, article);
                    db.SearchEntries.Add(row);
                    count++;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                lastId = batch[^1].Id;
                progress?.Report(count);
            }

            // The document library: a few thousand at most, each a short record.
            var documentsDone = 0;
            while (true)
            {
                var documents = await db.LegalDocuments.AsNoTracking()
                    .Where(d => d.Id > documentsDone && d.Status == Articles.ArticleStatus.Published)
                    .OrderBy(d => d.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (documents.Count == 0)
                {
                    break;
                }

                foreach (var document in documents)
                {
                    var row = new SearchEntry();
                    SearchEntryBuilder.Fill(row, document);
                    db.SearchEntries.Add(row);
                    count++;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                documentsDone = documents[^1].Id;
                progress?.Report(count);
            }

            if (db.Provider == DatabaseProvider.Sqlite)
            {
                // Merges the FTS5 segments written batch by batch into one b-tree: smaller and faster to query.
                await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchFts(SearchFts) VALUES('optimize')", cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Fresh statistics, so the planner sees how selective the GIN index is right away, not after autovacuum.
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"SearchEntries\"", cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>Fills an empty index when articles exist (a database from before search, or after a restore).</summary>
    public async Task<bool> EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (await db.SearchEntries.AnyAsync(cancellationToken).ConfigureAwait(false)
            || !await db.Articles.AnyAsync(a => a.Status == Articles.ArticleStatus.Published, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await HandleAsync(null, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
