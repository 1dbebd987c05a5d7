namespace Sen.Web.Features.Search;

/// <summary>
/// Which published entries a search may return: CategoryIds null for all; FromUtc inclusive and
/// ToUtc exclusive bounds of the publication time, or null.
/// </summary>
public sealed record SearchFilter(int SiteId, DateTime NowUtc, IReadOnlyList<int>? CategoryIds = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <summary>An entry found by the backend, with its backend score (higher is better).</summary>
public readonly record struct SearchCandidate(int EntryId, double Score);

/// <summary>
/// The swap point between full-text engines (SQLite FTS5, PostgreSQL tsvector). Backends only find
/// and roughly order entries; the final ranking and snippets are Sen's own C#, identical on both.
/// </summary>
public interface ISearchIndex
{
    Task<int> CountAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken);

    /// <summary>One page of matches; titleOnly matches the title and number/symbol only (suggestions).</summary>
    Task<IReadOnlyList<SearchCandidate>> FindAsync(SearchQuery query, SearchFilter filter, SearchOrder order, int offset, int limit, bool titleOnly, CancellationToken cancellationToken);

    /// <summary>Bytes the index takes on disk (tables and full-text structures), for benchmarks.</summary>
    Task<long> SizeInBytesAsync(CancellationToken cancellationToken);
}
