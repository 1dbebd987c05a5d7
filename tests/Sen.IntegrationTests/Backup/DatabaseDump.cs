using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Backup;

/// <summary>Every row of every table of Sen's model, as text, by table: two databases with the same dump hold the same site.</summary>
public static partial class DatabaseDump
{
    /// <param name="db">The database to read.</param>
    /// <param name="microseconds">
    /// Times as PostgreSQL keeps them: to the microsecond (.NET and SQLite keep tenths of one), for a
    /// round trip through PostgreSQL.
    /// </param>
    public static async Task<Dictionary<string, string>> AllRowsAsync(SenDbContext db, bool microseconds = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ct = TestContext.Current.CancellationToken;
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var result = new Dictionary<string, string>();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = new List<string>();
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(microseconds ? Microseconds().Replace(Row(reader), ToMicroseconds) : Row(reader));
                }

                rows.Sort(StringComparer.Ordinal);
                result[table] = $"{rows.Count} rows\n" + string.Join("\n", rows);
            }

            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"(\d{2}:\d{2}:\d{2})(?:\.(\d+))?")]
    private static partial Regex Microseconds();

    private static string ToMicroseconds(Match time)
    {
        var fraction = time.Groups[2].Value;
        fraction = fraction[..Math.Min(6, fraction.Length)].TrimEnd('0');
        return fraction.Length == 0 ? time.Groups[1].Value : time.Groups[1].Value + "." + fraction;
    }

    private static string Row(DbDataReader reader)
    {
        var text = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            text.Append(value switch
            {
                byte[] b => Convert.ToHexString(b),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            }).Append('|');
        }

        return text.ToString();
    }
}
