using System.Globalization;
using System.Text;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// PostgreSQL full-text search over Sen's own folded tokens: "Document" is a stored generated
/// tsvector (config 'simple': no stemming, no stop words, no unaccent needed) with a GIN index.
/// </summary>
public sealed class PostgresSearchIndex(SenDbContext db) : ISearchIndex
{
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
            var sql = new StringBuilder("""SELECT count(*) FROM (SELECT 1 FROM "SearchEntries" e WHERE e."Document" @@ to_tsquery('simple', @q)""");
            SqlFilter.Add(command, "@q", TsQuery(query));
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
            var sql = new StringBuilder("SELECT e.\"Id\" FROM \"SearchEntries\" e WHERE e.").Append(Column(titleOnly)).Append(" @@ to_tsquery('simple', @q)");
            SqlFilter.Add(command, "@q", TsQuery(query));
            SqlFilter.Append(sql, command, filter, c => "e.\"" + c + "\"");
            if (relevance)
            {
                // Rank only the newest MaxRanked matches, as on SQLite (see ISearchIndex.MaxRanked).
                sql.Append(" AND e.\"Id\" >= coalesce((SELECT m.\"Id\" FROM \"SearchEntries\" m WHERE m.").Append(Column(titleOnly)).Append(" @@ to_tsquery('simple', @q) ORDER BY m.\"Id\" DESC LIMIT 1 OFFSET @cap), 0)");
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
        if (query.IsEmpty)
        {
            return [];
        }

        return await SearchSql.WithCommandAsync(db, async command =>
        {
            // The same candidates as on SQLite: the newest MaxRanked matches, before filters.
            var sql = new StringBuilder("""SELECT e."Id", e."TitleFolded", e."TitleExact", e."LeadFolded", e."LeadExact", e."ExtraFolded", e."PublishedAt" FROM "SearchEntries" e WHERE e.""").Append(Column(titleOnly)).Append(" @@ to_tsquery('simple', @q)");
            SqlFilter.Add(command, "@q", TsQuery(query));
            SqlFilter.Append(sql, command, filter, c => "e.\"" + c + "\"");
            sql.Append(" AND e.\"Id\" >= coalesce((SELECT m.\"Id\" FROM \"SearchEntries\" m WHERE m.").Append(Column(titleOnly)).Append(" @@ to_tsquery('simple', @q) ORDER BY m.\"Id\" DESC LIMIT 1 OFFSET @cap), 0)");
            sql.Append(" ORDER BY e.\"Id\" DESC LIMIT @cap1");
            SqlFilter.Add(command, "@cap", ISearchIndex.MaxRanked - 1);
            SqlFilter.Add(command, "@cap1", ISearchIndex.MaxRanked);
            command.CommandText = sql.ToString();
            return await SearchSql.ReadFieldsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> SizeInBytesAsync(CancellationToken cancellationToken) =>
        SearchSql.WithCommandAsync(db, async command =>
        {
            command.CommandText = """SELECT pg_total_relation_size('"SearchEntries"')""";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>
    /// A tsquery built only from Sen's tokens, each a quoted lexeme: words AND-ed, phrases with
    /// &lt;-&gt;, the last word ":*" for suggestions.
    /// </summary>
    internal static string TsQuery(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        for (var i = 0; i < query.Groups.Count; i++)
        {
            var prefix = query.LastIsPrefix && i == query.Groups.Count - 1;
            var lexemes = query.Groups[i].Select(t => Lexeme(t.Folded) + (prefix ? ":*" : ""));
            parts.Add("(" + string.Join(" <-> ", lexemes) + ")");
        }

        return string.Join(" & ", parts);
    }

    // Title-only matching (suggestions) uses the small title + number/symbol vector (see the
    // AddTitleSearchDocument migration); everything else the whole document.
    private static string Column(bool titleOnly) => titleOnly ? "\"TitleDocument\"" : "\"Document\"";

    // A quoted lexeme: tokens hold only letters and digits, but quotes and backslashes are escaped anyway.
    private static string Lexeme(string token) =>
        "'" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
