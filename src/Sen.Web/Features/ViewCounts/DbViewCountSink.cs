using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Writes view deltas as <c>ViewCount = ViewCount + delta</c>, so several nodes may add to the same
/// article at once without losing each other's views. Plain SQL that SQLite (3.35+) and PostgreSQL
/// both run: UPDATE ... RETURNING and INSERT ... ON CONFLICT DO UPDATE.
/// </summary>
public sealed class DbViewCountSink(IServiceScopeFactory scopes) : IViewCountSink
{
    // Keeps each command well under SQLite's parameter limit and PostgreSQL's statement size.
    private const int ChunkSize = 200;

    public async Task<IReadOnlyDictionary<int, long>> AddAsync(IReadOnlyList<ViewDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var totals = new Dictionary<int, long>();
        if (deltas.Count == 0)
        {
            return totals;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        foreach (var chunk in deltas.Chunk(ChunkSize))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = dbTransaction;
            var sql = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"UPDATE \"Articles\" SET \"ViewCount\" = \"ViewCount\" + @v{i} WHERE \"Id\" = @a{i} RETURNING \"Id\", \"ViewCount\";\n");
                AddParameter(command, $"@v{i}", chunk[i].Views);
                AddParameter(command, $"@a{i}", chunk[i].ArticleId);
            }

            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    totals[reader.GetInt32(0)] = reader.GetInt64(1);
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        // An article deleted since it was viewed has no row to add its days to (and no page to show them).
        var days = deltas.Where(d => totals.ContainsKey(d.ArticleId))
            .SelectMany(d => d.Days.Select(day => (d.ArticleId, day.Day, day.Views)))
            .ToList();
        foreach (var chunk in days.Chunk(ChunkSize))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = dbTransaction;
            var sql = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO \"ArticleViewsDaily\" (\"ArticleId\", \"Day\", \"Views\") VALUES (@a{i}, @d{i}, @v{i}) ")
                    .Append("ON CONFLICT (\"ArticleId\", \"Day\") DO UPDATE SET \"Views\" = \"ArticleViewsDaily\".\"Views\" + excluded.\"Views\";\n");
                AddParameter(command, $"@a{i}", chunk[i].ArticleId);
                AddParameter(command, $"@d{i}", chunk[i].Day);
                AddParameter(command, $"@v{i}", chunk[i].Views);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return totals;
    }

    public async Task<long?> ReadAsync(int articleId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        return await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => (long?)a.ViewCount)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
