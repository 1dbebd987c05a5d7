using Npgsql;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Infrastructure;

/// <summary>
/// Sen on a real PostgreSQL server: a fresh database per factory, dropped afterwards. The server
/// comes from SEN_TEST_POSTGRES (an admin connection string; ./test.sh starts a throwaway cluster).
/// </summary>
public sealed class PostgresAppFactory : SenAppFactory
{
    private readonly string? admin = TestServer.Postgres.Value;
    private readonly string database = $"sen_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string? UnavailableReason => TestServer.Postgres.Missing;

    protected override string ConnectionString => admin is null
        ? ""
        : new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();

    public override async ValueTask InitializeAsync()
    {
        if (admin is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
