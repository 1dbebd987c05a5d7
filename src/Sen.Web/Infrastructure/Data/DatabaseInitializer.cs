using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Import;

namespace Sen.Web.Infrastructure.Data;

/// <summary>Brings the database to the current schema and, when it is empty, loads the demo content.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();

        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while the view counter or an editor writes; it is a property of the file.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        if (options.Migrate)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (options.SeedDemoContent)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoContentSeeder>();
            await seeder.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        }

        if (options.Migrate)
        {
            // Databases from before search (or restored without the index) get one built once.
            await scope.ServiceProvider.GetRequiredService<Features.Search.RebuildSearchIndex>().EnsureBuiltAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
