using System.Data.Common;
using System.Globalization;
using System.Text;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// SQLite FTS5: the SearchFts table indexes SearchEntries' folded token columns (external content,
/// kept in sync by triggers), tokenizer unicode61 without diacritic removal, because the folding
/// is Sen's own and already done.
/// </summary>
public sealed class SqliteSearchIndex(SenDbContext db) : ISearchIndex
{
    private const string TitleColumns = "{TitleFolded ExtraFolded}";

    // CROSS JOIN keeps the FTS table as the outer loop: with the (SiteId, PublishedAt) index at hand the
    // planner would otherwise walk the entries and run the MATCH once per row.
    private const string MatchesThenEntries = "SearchFts f CROSS JOIN SearchEntries e ON e.Id = f.rowid";

    private const string DateIndex = "IX_SearchEntries_SiteId_PublishedAt";

    // How many of the newest entries newest-first search looks up one by one before it builds the set of all matches.
    private const int DenseWalk = 400;

    public async Task<int> CountAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty)
        {
            return 0;
        }

        return await SearchSql.WithCommandAsync(db, command => CountMatchesAsync(command, Match(query, titleOnly: false), filter, below: null, ISearchIndex.MaxCount + 1, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first results page walks the full-text index once, where <see cref="CountAsync"/> then <see cref="CandidatesAsync"/>
    /// walk it twice: its newest <see cref="ISearchIndex.MaxRanked"/> matches, each with its entry's words when the entry
    /// passes the filters, counted as they are read. A query of common words with few hits walks every word's whole list,
    /// so the walks saved are most of its cost. Only when there are that many matches are the older ones counted, and that
    /// walk stops at the cap.
    /// </summary>
    public async Task<SearchCandidates> CountAndCandidatesAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty)
        {
            return new SearchCandidates(0, []);
        }

        return await SearchSql.WithCommandAsync(db, async command =>
        {
            var match = Match(query, titleOnly: false);
            var (rows, matches, oldest) = await NewestMatchesAsync(command, query, match, filter, cancellationToken).ConfigureAwait(false);
            if (matches < ISearchIndex.MaxRanked)
            {
                return new SearchCandidates(rows.Count, rows);
            }

            command.Parameters.Clear();
            var older = await CountMatchesAsync(command, match, filter, below: oldest, ISearchIndex.MaxCount + 1 - rows.Count, cancellationToken).ConfigureAwait(false);
            return new SearchCandidates(rows.Count + older, rows);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<int>> FindAsync(SearchQuery query, SearchFilter filter, SearchOrder order, int offset, int limit, bool titleOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty || limit <= 0)
        {
            return [];
        }

        return await SearchSql.WithCommandAsync(db, async command =>
        {
            var relevance = order == SearchOrder.Relevance;
            var match = Match(query, titleOnly);

            // The id of the MaxRanked-th newest match, or null when there are fewer (a seek, not a scan), and the newest entry's.
            command.CommandText = "SELECT rowid, (SELECT max(Id) FROM SearchEntries) FROM SearchFts WHERE SearchFts MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @cap";
            SqlFilter.Add(command, "@match", match);
            SqlFilter.Add(command, "@cap", ISearchIndex.MaxRanked - 1);
            long? floor = null;
            long newestEntry = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    floor = reader.GetInt64(0);
                    newestEntry = reader.IsDBNull(1) ? floor.Value : reader.GetInt64(1);
                }
            }

            command.Parameters.Clear();
            if (!relevance && floor is { } oldest)
            {
                // Newest first among many matches. Where they are dense, walking the newest entries by date and asking
                // the full-text index about each finds the page within a few hundred. It is tried when, as densely as
                // the newest MaxRanked matches lie among the entries, the page should lie within half that walk.
                var entriesPerMatch = (double)(newestEntry - oldest + 1) / ISearchIndex.MaxRanked;
                if ((offset + limit) * entriesPerMatch <= DenseWalk / 2.0)
                {
                    var found = await NewestAmongRecentAsync(command, match, filter, offset, limit, cancellationToken).ConfigureAwait(false);
                    if (found.Count == limit)
                    {
                        return found;
                    }

                    command.Parameters.Clear();
                }

                // Otherwise walk the (SiteId, PublishedAt) index from the newest end and keep the entries in the set
                // of all matching ids, built once, instead of sorting every match.
                var newest = new StringBuilder("SELECT e.Id FROM SearchEntries e INDEXED BY " + DateIndex + " WHERE e.Id IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH @match)");
                SqlFilter.Add(command, "@match", match);
                SqlFilter.Append(newest, command, filter, c => "e." + c);
                newest.Append(" ORDER BY e.PublishedAt DESC, e.Id DESC LIMIT @limit OFFSET @offset");
                SqlFilter.Add(command, "@limit", limit);
                SqlFilter.Add(command, "@offset", offset);
                command.CommandText = newest.ToString();
                return await SearchSql.ReadIdsAsync(command, limit, cancellationToken).ConfigureAwait(false);
            }

            // By relevance (pages beyond what SearchRanking orders): the newest MaxRanked matches by entry
            // id. Newest first among few matches: sorting them all is cheap.
            var sql = new StringBuilder("SELECT f.rowid FROM " + MatchesThenEntries + " WHERE SearchFts MATCH @match");
            SqlFilter.Add(command, "@match", match);
            SqlFilter.Append(sql, command, filter, c => "e." + c);
            if (relevance)
            {
                if (floor is { } min)
                {
                    sql.Append(" AND f.rowid >= @floor");
                    SqlFilter.Add(command, "@floor", min);
                }

                sql.Append(" ORDER BY f.rowid DESC");
            }
            else
            {
                sql.Append(" ORDER BY e.PublishedAt DESC, e.Id DESC");
            }

            sql.Append(" LIMIT @limit OFFSET @offset");
            SqlFilter.Add(command, "@limit", limit);
            SqlFilter.Add(command, "@offset", offset);
            command.CommandText = sql.ToString();
            return await SearchSql.ReadIdsAsync(command, limit, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SearchRanking.Fields>> CandidatesAsync(SearchQuery query, SearchFilter filter, bool titleOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty)
        {
            return [];
        }

        // Not bm25: it counts every document holding each query word (its IDF) on every query, a cost that grows
        // with the archive whatever the LIMIT, while Sen's ranking reads only these rows.
        return await SearchSql.WithCommandAsync(db, async command =>
            (await NewestMatchesAsync(command, query, Match(query, titleOnly), filter, cancellationToken).ConfigureAwait(false)).Rows, cancellationToken).ConfigureAwait(false);
    }

    // One walk of the full-text index: its newest MaxRanked matches, each LEFT JOINed to its entry on the filters. Returns
    // the entries that pass, newest first, how many matches were read and the oldest of them.
    private static async Task<(List<SearchRanking.Fields> Rows, int Matches, long Oldest)> NewestMatchesAsync(
        DbCommand command, SearchQuery query, string match, SearchFilter filter, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT m.rowid, e.Id IS NOT NULL, " + SearchSql.RankedColumns(query, c => "e." + c)
            + " FROM (SELECT rowid FROM SearchFts WHERE SearchFts MATCH @match ORDER BY rowid DESC LIMIT @cap) m"
            + " LEFT JOIN SearchEntries e ON e.Id = m.rowid");
        SqlFilter.Add(command, "@match", match);
        SqlFilter.Add(command, "@cap", ISearchIndex.MaxRanked);
        SqlFilter.Append(sql, command, filter, c => "e." + c);

        // Ordered here, not by an ORDER BY: SQLite would copy the 1,000 rows' text into a temporary b-tree to sort
        // them (half the query's time), though they nearly always come in the subquery's order already.
        command.CommandText = sql.ToString();
        var rows = new List<SearchRanking.Fields>(ISearchIndex.MaxRanked);
        var matches = 0;
        var oldest = long.MaxValue;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                matches++;
                oldest = Math.Min(oldest, reader.GetInt64(0));
                if (reader.GetBoolean(1))
                {
                    rows.Add(SearchSql.ReadFields(reader, 0, 2));
                }
            }
        }

        NewestFirst(rows);
        return (rows, matches, oldest);
    }

    // Newest first among the newest DenseWalk entries that pass the filters, each looked up in the full-text index
    // (a seek per word). Fewer than the page when the walk ends first (or there are not that many entries): the caller
    // then takes the set path, which is exact for any page.
    private static async Task<IReadOnlyList<int>> NewestAmongRecentAsync(DbCommand command, string match, SearchFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT e.Id FROM SearchEntries e INDEXED BY " + DateIndex
            + " WHERE EXISTS (SELECT 1 FROM SearchFts WHERE SearchFts MATCH @match AND rowid = e.Id)");
        SqlFilter.Add(command, "@match", match);
        SqlFilter.Append(sql, command, filter, c => "e." + c);

        // A bound on the walk, not a LIMIT in a subquery: sorting that subquery's rows would look up all of them.
        sql.Append(" AND (e.PublishedAt, e.Id) >= (SELECT PublishedAt, Id FROM SearchEntries INDEXED BY " + DateIndex + " WHERE 1");
        SqlFilter.AppendCondition(sql, filter, c => c);
        sql.Append(" ORDER BY PublishedAt DESC, Id DESC LIMIT 1 OFFSET @walk)");
        sql.Append(" ORDER BY e.PublishedAt DESC, e.Id DESC LIMIT @limit OFFSET @offset");
        SqlFilter.Add(command, "@walk", DenseWalk - 1);
        SqlFilter.Add(command, "@limit", limit);
        SqlFilter.Add(command, "@offset", offset);
        command.CommandText = sql.ToString();
        return await SearchSql.ReadIdsAsync(command, limit, cancellationToken).ConfigureAwait(false);
    }

    private static void NewestFirst(List<SearchRanking.Fields> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].EntryId > rows[i - 1].EntryId)
            {
                rows.Sort((a, b) => b.EntryId.CompareTo(a.EntryId));
                return;
            }
        }
    }

    // At most max matches that pass the filters, those with an entry id below `below` when it is given.
    private static async Task<int> CountMatchesAsync(DbCommand command, string match, SearchFilter filter, long? below, int max, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM " + MatchesThenEntries + " WHERE SearchFts MATCH @match");
        SqlFilter.Add(command, "@match", match);
        if (below is { } id)
        {
            sql.Append(" AND f.rowid < @below");
            SqlFilter.Add(command, "@below", id);
        }

        SqlFilter.Append(sql, command, filter, c => "e." + c);
        sql.Append(" LIMIT @max)");
        SqlFilter.Add(command, "@max", max);
        command.CommandText = sql.ToString();
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public Task<long> SizeInBytesAsync(CancellationToken cancellationToken) =>
        SearchSql.WithCommandAsync(db, async command =>
        {
            // The bundled SQLite has no dbstat: count the FTS5 b-tree blobs and the stored entry text instead.
            command.CommandText = """
                SELECT (SELECT coalesce(sum(length(block)), 0) FROM SearchFts_data)
                     + (SELECT coalesce(sum(length(term)) + 16 * count(*), 0) FROM SearchFts_idx)
                     + (SELECT coalesce(sum(length(CAST(Title AS BLOB)) + length(CAST(Lead AS BLOB)) + length(CAST(Extra AS BLOB)) + length(CAST(Body AS BLOB))
                                          + length(TitleFolded) + length(LeadFolded) + length(ExtraFolded) + length(BodyFolded)
                                          + length(CAST(TitleExact AS BLOB)) + length(CAST(LeadExact AS BLOB)) + 40), 0) FROM SearchEntries)
                """;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>
    /// The FTS5 query: every group (a quoted token, or a quoted phrase) is required; the last may be a
    /// prefix. Exact-diacritic and phrase preferences are applied by <see cref="SearchRanking"/>, not
    /// here: as extra bm25 phrases they made ranking several times slower for the same order.
    /// </summary>
    internal static string Match(SearchQuery query, bool titleOnly)
    {
        // Without a column filter FTS5 need not read positions to match.
        var required = new StringBuilder(titleOnly ? TitleColumns + " : (" : "(");
        for (var i = 0; i < query.Groups.Count; i++)
        {
            var prefix = query.LastIsPrefix && i == query.Groups.Count - 1;
            required.Append(i == 0 ? "" : " AND ").Append(Quote(query.Groups[i].Select(t => t.Folded))).Append(prefix ? "*" : "");
        }

        return required.Append(')').ToString();
    }

    // Tokens hold only letters and digits; doubling quotes is still done so that no input can end the string.
    private static string Quote(IEnumerable<string> tokens) =>
        "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
