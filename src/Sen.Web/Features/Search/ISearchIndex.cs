namespace Sen.Web.Features.Search;

/// <summary>
/// Which published entries a search may return: CategoryIds null for all; FromUtc inclusive and
/// ToUtc exclusive bounds of the publication time, or null.
/// </summary>
public sealed record SearchFilter(int SiteId, DateTime NowUtc, IReadOnlyList<int>? CategoryIds = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>The number of matches (at most <see cref="ISearchIndex.MaxCount"/> + 1) and the newest of them to rank.</summary>
public sealed record SearchCandidates(int Total, IReadOnlyList<SearchRanking.Fields> Rows);

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <summary>
/// The swap point between full-text engines (SQLite FTS5, PostgreSQL tsvector). Backends only find
/// entries; ranking and snippets are Sen's own C#, identical on both.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// By relevance, backends rank only the newest this many matches (by entry id), so a query that
    /// matches half the archive costs the same as one that matches 1,000 articles; beyond that the
    /// newer article wins, which is what a news portal's readers expect of a vague query.
    /// </summary>
    const int MaxRanked = 1000;

    /// <summary>Counting stops here ("more than 1,000 results"): an exact count of half the archive costs a scan and tells readers nothing.</summary>
    const int MaxCount = 1000;

    /// <summary>The number of matches, at most <see cref="MaxCount"/> + 1 (meaning "more than MaxCount").</summary>
    Task<int> CountAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The entry ids of one page of matches, newest first: by publication time (Newest) or by entry id
    /// (Relevance, for pages beyond what Sen ranks); titleOnly matches the title and number/symbol only (suggestions).
    /// </summary>
    Task<IReadOnlyList<int>> FindAsync(SearchQuery query, SearchFilter filter, SearchOrder order, int offset, int limit, bool titleOnly, CancellationToken cancellationToken);

    /// <summary>
    /// The newest <see cref="MaxRanked"/> matches, newest first, with the stored words
    /// <see cref="SearchRanking"/> orders them by, read in the same query.
    /// </summary>
    Task<IReadOnlyList<SearchRanking.Fields>> CandidatesAsync(SearchQuery query, SearchFilter filter, bool titleOnly, CancellationToken cancellationToken);

    /// <summary>
    /// What a first results page by relevance needs: the count (as <see cref="CountAsync"/>) and the candidates (as
    /// <see cref="CandidatesAsync"/>), exactly. A backend that can find both in one walk of its index does.
    /// </summary>
    async Task<SearchCandidates> CountAndCandidatesAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        var total = await CountAsync(query, filter, cancellationToken).ConfigureAwait(false);
        return total == 0 ? new SearchCandidates(0, []) : new SearchCandidates(total, await CandidatesAsync(query, filter, titleOnly: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Bytes the index takes on disk (tables and full-text structures), for benchmarks.</summary>
    Task<long> SizeInBytesAsync(CancellationToken cancellationToken);
}
