using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Tests.Data;

/// <summary>
/// The check EF skips at start-up (DataServiceCollectionExtensions): every change to the model has its
/// migration, for both providers. No database is opened.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_hold_every_change_to_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add <Name> --project src/Sen.Web --context SqliteSenDbContext --output-dir Infrastructure/Data/Migrations/Sqlite`.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_hold_every_change_to_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add <Name> --project src/Sen.Web --context PostgresSenDbContext --output-dir Infrastructure/Data/Migrations/Postgres`.");
    }
}
