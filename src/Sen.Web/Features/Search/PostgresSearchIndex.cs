using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// PostgreSQL full-text search over Sen's own folded tokens: "Document" is a stored generated
/// tsvector (config 'simple': no stemming, no stop words, no unaccent needed) with a GIN index.
/// </summary>
public sealed class PostgresSearchIndex(SenDbContext db) : ISearchIndex
{
    // The fields' weights in the "Document" vector: A title, B number/symbol or author, C lead, D body.
    private const string DocumentWeights = "ABCD";
    private const string TitleWeights = "AB";

    // Under this share of the entries matching, finding all matches through the GIN index beats walking the key
    // (at 100,000 entries: 9,700 matches of `quang nam` 20 ms against 42 ms; 89,500 of `dang bo` 1 s against 8 ms).
    private const double SparseShare = 0.2;

    public async Task<int> CountAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty)
        {
            return 0;
        }

        return await SearchSql.WithCommandAsync(db, async command =>
        {
            var sql = new StringBuilder("""SELECT count(*) FROM (SELECT 1 FROM "SearchEntries" e WHERE """).Append(Matches("e", query, titleOnly: false));
            AddQueries(command, query, titleOnly: false);
            SqlFilter.Append(sql, command, filter, c => "e.\"" + c + "\"");
            sql.Append(" LIMIT @max) t");
            SqlFilter.Add(command, "@max", ISearchIndex.MaxCount + 1);
            command.CommandText = sql.ToString();
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
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
            var sql = new StringBuilder("SELECT e.\"Id\" FROM \"SearchEntries\" e WHERE ").Append(Matches("e", query, titleOnly));
            AddQueries(command, query, titleOnly);
            SqlFilter.Append(sql, command, filter, c => "e.\"" + c + "\"");
            if (relevance)
            {
                // Rank only the newest MaxRanked matches, as on SQLite (see ISearchIndex.MaxRanked).
                sql.Append(" AND e.\"Id\" >= coalesce((SELECT m.\"Id\" FROM \"SearchEntries\" m WHERE ").Append(Matches("m", query, titleOnly)).Append(" ORDER BY m.\"Id\" DESC LIMIT 1 OFFSET @cap), 0)");
                SqlFilter.Add(command, "@cap", ISearchIndex.MaxRanked - 1);
            }

            sql.Append(relevance ? " ORDER BY e.\"Id\" DESC" : " ORDER BY e.\"PublishedAt\" DESC, e.\"Id\" DESC");
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
        return query.IsEmpty ? [] : await ReadCandidatesAsync(query, filter, titleOnly, ISearchIndex.MaxRanked, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The candidates pass the same condition as <see cref="CountAsync"/>, so one more row than they need counts the
    /// matches as far as the count goes: the count query (a second walk or bitmap scan of the same matches) is saved.
    /// </summary>
    public async Task<SearchCandidates> CountAndCandidatesAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty)
        {
            return new SearchCandidates(0, []);
        }

        var rows = await ReadCandidatesAsync(query, filter, titleOnly: false, Math.Max(ISearchIndex.MaxRanked, ISearchIndex.MaxCount + 1), cancellationToken).ConfigureAwait(false);
        var ranked = rows.Count > ISearchIndex.MaxRanked ? rows.Take(ISearchIndex.MaxRanked).ToList() : rows;
        return new SearchCandidates(Math.Min(rows.Count, ISearchIndex.MaxCount + 1), ranked);
    }

    private Task<IReadOnlyList<SearchRanking.Fields>> ReadCandidatesAsync(SearchQuery query, SearchFilter filter, bool titleOnly, int limit, CancellationToken cancellationToken) =>
        SearchSql.WithCommandAsync(db, async command =>
        {
            // The newest matches that pass the filters (SQLite takes the newest before its filters; the two agree
            // whenever the filters keep the newest matches, as the default site and date filters do).
            var where = CandidateCondition(command, query, filter, titleOnly);
            // Suggestions match the small title vector, which the walk reads cheaply: no estimate for them.
            var sparse = !titleOnly && await IsSparseAsync(command, where, cancellationToken).ConfigureAwait(false);

            // Sparse: the GIN index finds every match and a top-N sort keeps the newest ("Id" + 0 keeps the planner off
            // the key), reading no document vector. Dense: walking the key backwards meets the newest within a few
            // thousand rows, testing each row's vector. The planner prices both alike (it does not count reading a
            // whole-document vector per row), so Sen chooses: bench/search/README.md has the figures.
            command.CommandText = "SELECT e.\"Id\", " + SearchSql.RankedColumns(query, c => "e.\"" + c + "\"") + " FROM \"SearchEntries\" e WHERE "
                + where + (sparse ? """ ORDER BY e."Id" + 0 DESC""" : """ ORDER BY e."Id" DESC""") + " LIMIT @cap";
            SqlFilter.Add(command, "@cap", limit);
            return await SearchSql.ReadFieldsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Whether <see cref="CandidatesAsync"/> finds this query's candidates through the GIN index (for tests).</summary>
    internal Task<bool> TakesSparsePathAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken) =>
        SearchSql.WithCommandAsync(db, command => IsSparseAsync(command, CandidateCondition(command, query, filter, titleOnly: false), cancellationToken), cancellationToken);

    private static string CandidateCondition(DbCommand command, SearchQuery query, SearchFilter filter, bool titleOnly)
    {
        var where = new StringBuilder(Matches("e", query, titleOnly));
        AddQueries(command, query, titleOnly);
        SqlFilter.Append(where, command, filter, c => "e.\"" + c + "\"");
        return where.ToString();
    }

    /// <summary>
    /// True when the planner expects the matches of <paramref name="where"/> to be under <see cref="SparseShare"/> of
    /// the entries (its estimate from the vector's statistics, one planning and no execution, about 1 ms).
    /// </summary>
    private static async Task<bool> IsSparseAsync(DbCommand command, string where, CancellationToken cancellationToken)
    {
        command.CommandText = """EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchEntries" e WHERE """ + where
            + """; SELECT reltuples FROM pg_class WHERE oid = '"SearchEntries"'::regclass""";
        double estimate;
        double entries;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            using (var plan = JsonDocument.Parse(reader.GetString(0)))
            {
                estimate = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            entries = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture) : -1;
        }

        // A table never analyzed has no statistics (reltuples -1): walk, which is never far off.
        return entries > 0 && estimate < SparseShare * entries;
    }

    public Task<long> SizeInBytesAsync(CancellationToken cancellationToken) =>
        SearchSql.WithCommandAsync(db, async command =>
        {
            command.CommandText = """SELECT pg_total_relation_size('"SearchEntries"')""";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>
    /// A tsquery built only from Sen's tokens, each a quoted lexeme: groups AND-ed, phrases with
    /// &lt;-&gt;, the last word ":*" for suggestions. With <paramref name="phraseWeights"/> a phrase is
    /// written once per field weight, OR-ed, so that it must lie within one field as in FTS5: joined
    /// tsvectors number their words on, which puts a title's last word next to the first word of the
    /// number/symbol. <paramref name="wordWeights"/> restricts every lexeme to those fields.
    /// </summary>
    internal static string TsQuery(SearchQuery query, string phraseWeights = "", string wordWeights = "")
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(phraseWeights);
        ArgumentNullException.ThrowIfNull(wordWeights);
        var parts = new List<string>();
        for (var i = 0; i < query.Groups.Count; i++)
        {
            var group = query.Groups[i];
            if (group.Count == 1)
            {
                var prefix = query.LastIsPrefix && i == query.Groups.Count - 1;
                var suffix = (prefix ? "*" : "") + wordWeights;
                parts.Add("(" + Lexeme(group[0].Folded) + (suffix.Length > 0 ? ":" + suffix : "") + ")");
            }
            else if (phraseWeights.Length == 0)
            {
                parts.Add("(" + string.Join(" <-> ", group.Select(t => Lexeme(t.Folded))) + ")");
            }
            else
            {
                var perField = phraseWeights.Select(w => "(" + string.Join(" <-> ", group.Select(t => Lexeme(t.Folded) + ":" + w)) + ")");
                parts.Add("(" + string.Join(" | ", perField) + ")");
            }
        }

        return string.Join(" & ", parts);
    }

    /// <summary>
    /// The match condition on the entries aliased <paramref name="alias"/>, over @q (and @qf): the whole
    /// document, or for suggestions the small title + number/symbol vector (see the AddTitleSearchDocument
    /// migration). That vector has no weights, so a title-only phrase is checked against the document too.
    /// </summary>
    private static string Matches(string alias, SearchQuery query, bool titleOnly)
    {
        if (!titleOnly)
        {
            return alias + ".\"Document\" @@ to_tsquery('simple', @q)";
        }

        var title = alias + ".\"TitleDocument\" @@ to_tsquery('simple', @q)";
        return HasPhrase(query) ? title + " AND " + alias + ".\"Document\" @@ to_tsquery('simple', @qf)" : title;
    }

    private static void AddQueries(DbCommand command, SearchQuery query, bool titleOnly)
    {
        SqlFilter.Add(command, "@q", TsQuery(query, titleOnly ? "" : DocumentWeights));
        if (titleOnly && HasPhrase(query))
        {
            SqlFilter.Add(command, "@qf", TsQuery(query, TitleWeights, TitleWeights));
        }
    }

    private static bool HasPhrase(SearchQuery query) => query.Groups.Any(g => g.Count > 1);

    // A quoted lexeme: tokens hold only letters and digits, but quotes and backslashes are escaped anyway.
    private static string Lexeme(string token) =>
        "'" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
