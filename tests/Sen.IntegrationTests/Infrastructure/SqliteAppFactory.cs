using Microsoft.Data.Sqlite;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Infrastructure;

/// <summary>Sen on a real SQLite file of its own, deleted afterwards.</summary>
public sealed class SqliteAppFactory : SenAppFactory
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "sen-tests", $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
