using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>
/// SQLite FTS5: the SearchFts table indexes SearchEntries' token columns (external content,
/// kept in sync by triggers), tokenizer unicode61 without diacritic removal, because the folding
/// is Sen's own and already done.
/// </summary>
public sealed class SqliteSearchIndex(SenDbContext db) : ISearchIndex
{
    private const string FoldedColumns = "{TitleFolded LeadFolded ExtraFolded BodyFolded}";
    private const string TitleColumns = "{TitleFolded ExtraFolded}";
    private const string ExactColumns = "{TitleExact LeadExact}";

    // bm25 weights by FTS column: TitleFolded, LeadFolded, ExtraFolded, BodyFolded, TitleExact, LeadExact.
    private const string Rank = "bm25(SearchFts, 10.0, 4.0, 5.0, 1.0, 10.0, 4.0)";

    public async Task<int> CountAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty)
        {
            return 0;
        }

        return await WithCommandAsync(async command =>
        {
            var sql = new StringBuilder("SELECT count(*) FROM SearchFts f JOIN SearchEntries e ON e.Id = f.rowid WHERE SearchFts MATCH @match");
            SqlFilter.Add(command, "@match", Match(query, titleOnly: false, withBoosts: false));
            SqlFilter.Append(sql, command, filter, c => "e." + c);
            command.CommandText = sql.ToString();
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SearchCandidate>> FindAsync(SearchQuery query, SearchFilter filter, SearchOrder order, int offset, int limit, bool titleOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.IsEmpty || limit <= 0)
        {
            return [];
        }

        return await WithCommandAsync(async command =>
        {
            var relevance = order == SearchOrder.Relevance;
            var sql = new StringBuilder("SELECT f.rowid, ")
                .Append(relevance ? Rank : "0.0")
                .Append(" FROM SearchFts f JOIN SearchEntries e ON e.Id = f.rowid WHERE SearchFts MATCH @match");
            SqlFilter.Add(command, "@match", Match(query, titleOnly, withBoosts: relevance));
            SqlFilter.Append(sql, command, filter, c => "e." + c);
            sql.Append(relevance ? " ORDER BY 2, e.PublishedAt DESC, e.Id DESC" : " ORDER BY e.PublishedAt DESC, e.Id DESC");
            sql.Append(" LIMIT @limit OFFSET @offset");
            SqlFilter.Add(command, "@limit", limit);
            SqlFilter.Add(command, "@offset", offset);
            command.CommandText = sql.ToString();
            var list = new List<SearchCandidate>(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new SearchCandidate(reader.GetInt32(0), -reader.GetDouble(1)));
            }

            return (IReadOnlyList<SearchCandidate>)list;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> SizeInBytesAsync(CancellationToken cancellationToken) =>
        WithCommandAsync(async command =>
        {
            // dbstat is compiled into the bundled SQLite; it counts the pages of the entries table, its indexes and the FTS shadow tables.
            command.CommandText = "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'SearchFts%' OR name LIKE 'SearchEntries%' OR name LIKE 'IX_SearchEntries%'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>
    /// The FTS5 query: every group (quoted token or phrase) required in the folded columns. For
    /// ranking, alternatives that imply the required part are OR-ed in (same matches, higher bm25):
    /// the whole query as a phrase, and the exact words with their diacritics in title and lead.
    /// </summary>
    internal static string Match(SearchQuery query, bool titleOnly, bool withBoosts)
    {
        var required = new StringBuilder();
        required.Append(titleOnly ? TitleColumns : FoldedColumns).Append(" : (");
        for (var i = 0; i < query.Groups.Count; i++)
        {
            var prefix = query.LastIsPrefix && i == query.Groups.Count - 1 && query.Groups[i][0].Folded.Length >= 2;
            required.Append(i == 0 ? "" : " AND ").Append(Quote(query.Groups[i].Select(t => t.Folded))).Append(prefix ? "*" : "");
        }

        required.Append(')');
        if (!withBoosts || titleOnly)
        {
            return required.ToString();
        }

        var match = new StringBuilder("(").Append(required).Append(')');
        var folded = query.FoldedTokens;
        if (folded.Count > 1 && query.Groups.Count > 1)
        {
            match.Append(" OR (").Append(required).Append(" AND ").Append(FoldedColumns).Append(" : ").Append(Quote(folded)).Append(')');
        }

        var marked = query.Tokens.Where(t => t.HasMarks).Select(t => t.Exact).Distinct(StringComparer.Ordinal).ToList();
        if (marked.Count > 0)
        {
            match.Append(" OR (").Append(required).Append(" AND ").Append(ExactColumns).Append(" : (")
                .Append(string.Join(" OR ", marked.Select(t => Quote([t])))).Append("))");
        }

        return match.ToString();
    }

    // Tokens hold only letters and digits; doubling quotes is still done so that no input can end the string.
    private static string Quote(IEnumerable<string> tokens) =>
        "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task<T> WithCommandAsync<T>(Func<System.Data.Common.DbCommand, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await work(command).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
