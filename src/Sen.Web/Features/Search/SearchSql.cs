using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>What both index backends do the same way around their own SQL.</summary>
internal static class SearchSql
{
    /// <summary>Runs raw SQL on the context's connection, inside its transaction when there is one (index sync runs in SaveChanges).</summary>
    public static async Task<T> WithCommandAsync<T>(SenDbContext db, Func<DbCommand, Task<T>> work, CancellationToken cancellationToken)
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

    /// <summary>Reads the first column of every row: entry ids.</summary>
    public static async Task<IReadOnlyList<int>> ReadIdsAsync(DbCommand command, int capacity, CancellationToken cancellationToken)
    {
        var list = new List<int>(capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(reader.GetInt32(0));
        }

        return list;
    }

    /// <summary>
    /// The columns after the id that <see cref="ReadFieldsAsync"/> reads, <paramref name="column"/> quoting each name. The
    /// words as typed are read only when the query has diacritics: only then does the ranking compare them, and they
    /// are half of what 1,000 candidates bring back.
    /// </summary>
    public static string RankedColumns(SearchQuery query, Func<string, string> column)
    {
        var exact = query.Tokens.Any(t => t.HasMarks);
        return string.Join(", ",
            column("TitleFolded"), exact ? column("TitleExact") : "''", column("LeadFolded"), exact ? column("LeadExact") : "''", column("ExtraFolded"), column("PublishedAt"));
    }

    /// <summary>Reads rows of (id, title folded/exact, lead folded/exact, extra folded, published at) for <see cref="SearchRanking"/>.</summary>
    public static async Task<IReadOnlyList<SearchRanking.Fields>> ReadFieldsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<SearchRanking.Fields>(ISearchIndex.MaxRanked);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadFields(reader, 0, 1));
        }

        return list;
    }

    /// <summary>One row's fields: the entry id in column <paramref name="id"/>, the <see cref="RankedColumns"/> from column <paramref name="first"/> on.</summary>
    public static SearchRanking.Fields ReadFields(DbDataReader reader, int id, int first) =>
        new(reader.GetInt32(id), reader.GetString(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3), reader.GetString(first + 4),
            DateTime.SpecifyKind(reader.GetDateTime(first + 5), DateTimeKind.Utc));
}
