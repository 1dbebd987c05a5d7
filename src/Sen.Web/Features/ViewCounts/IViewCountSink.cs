namespace Sen.Web.Features.ViewCounts;

/// <summary>Where counted views end up. The database sink is the real one; tests swap in failing sinks.</summary>
public interface IViewCountSink
{
    /// <summary>
    /// Adds the deltas to the stored counts, all or nothing (one transaction): on an exception nothing
    /// was written, so the caller may add the same deltas again later without counting twice.
    /// </summary>
    /// <returns>The new stored total of every article that still exists.</returns>
    Task<IReadOnlyDictionary<int, long>> AddAsync(IReadOnlyList<ViewDelta> deltas, CancellationToken cancellationToken);

    /// <summary>The stored total of one article, or null when it does not exist.</summary>
    Task<long?> ReadAsync(int articleId, CancellationToken cancellationToken);
}

/// <summary>Views of one article not yet stored, split by Vietnam day for the daily statistics.</summary>
public sealed record ViewDelta(int ArticleId, long Views, IReadOnlyList<DailyViews> Days);

public readonly record struct DailyViews(DateOnly Day, long Views);
