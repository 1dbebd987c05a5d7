using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sen.Web.Features.Backup;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Backup;

/// <summary>`sen db copy` SQLite → PostgreSQL → SQLite: every row of every table comes back the same.</summary>
public sealed class CopyDatabaseTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory factory;

    public CopyDatabaseTests(SqliteAppFactory factory)
    {
        this.factory = factory;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_site_copied_to_postgres_and_back_has_every_row_of_every_table()
    {
        Requirement.Require(TestServer.Postgres.Missing);
        factory.CreateClient().Dispose();
        var sourceConnection = await factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SenDbContext>().Database.GetConnectionString()!));
        var admin = TestServer.Postgres.Value!;
        var database = $"sen_copy_{Guid.NewGuid():N}";
        var postgres = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();
        var back = Path.Combine(Path.GetTempPath(), "sen-tests", $"copy-{Guid.NewGuid():N}.db");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0");
        try
        {
            var there = await CopyDatabase.HandleAsync(new(DatabaseProvider.Sqlite, sourceConnection), new(DatabaseProvider.Postgres, postgres), null, Ct);
            Assert.True(there.Copied, there.Message);
            Assert.True(there.Rows > 10, there.Message);
            var backConnection = new SqliteConnectionStringBuilder { DataSource = back, Pooling = false }.ToString();
            var again = await CopyDatabase.HandleAsync(new(DatabaseProvider.Postgres, postgres), new(DatabaseProvider.Sqlite, backConnection), null, Ct);
            Assert.True(again.Copied, again.Message);
            Assert.Equal(there.Rows, again.Rows);

            // A second copy into a database that has rows is refused.
            var refused = await CopyDatabase.HandleAsync(new(DatabaseProvider.Sqlite, sourceConnection), new(DatabaseProvider.Postgres, postgres), null, Ct);
            Assert.False(refused.Copied);

            await using var sourceDb = Sqlite(sourceConnection);
            await using var backDb = Sqlite(backConnection);
            var before = await DatabaseDump.AllRowsAsync(sourceDb, microseconds: true);
            var after = await DatabaseDump.AllRowsAsync(backDb, microseconds: true);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (var table in before.Keys)
            {
                Assert.True(before[table] == after[table], $"{table} differs after the round trip:\n{before[table][..Math.Min(400, before[table].Length)]}\n---\n{after[table][..Math.Min(400, after[table].Length)]}");
            }

            // The sequences go on after the copied ids: a new row gets the next id.
            await using var pg = Postgres(postgres);
            var maxId = await pg.Articles.MaxAsync(a => a.Id, Ct);
            var next = await pg.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"Articles\"', 'Id')) AS \"Value\"").SingleAsync(Ct);
            Assert.Equal(maxId + 1, next);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            File.Delete(back);
        }
    }

    private static SqliteSenDbContext Sqlite(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SqliteSenDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, connectionString);
        return new SqliteSenDbContext(DesignTimeServices.Apply(builder).Options);
    }

    private static PostgresSenDbContext Postgres(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PostgresSenDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(builder, connectionString);
        return new PostgresSenDbContext(DesignTimeServices.Apply(builder).Options);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
