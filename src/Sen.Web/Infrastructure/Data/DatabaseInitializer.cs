using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Sen.Web.Infrastructure.Data;

/// <summary>Brings the database to the current schema, then runs the features' <see cref="IDatabaseStartupTask"/>s.</summary>
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

        foreach (var task in scope.ServiceProvider.GetServices<IDatabaseStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(options, cancellationToken).ConfigureAwait(false);
        }
    }
}
