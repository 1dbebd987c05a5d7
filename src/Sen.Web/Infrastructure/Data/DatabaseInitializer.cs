using System.Diagnostics;
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

        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var clock = Stopwatch.StartNew();
        if (options.Migrate)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            Took(logger, "migrations", clock);
        }

        foreach (var task in scope.ServiceProvider.GetServices<IDatabaseStartupTask>().OrderBy(t => t.Order))
        {
            clock.Restart();
            await task.RunAsync(options, cancellationToken).ConfigureAwait(false);
            Took(logger, task.GetType().Name, clock);
        }
    }

    // Start-up time is a target (bench/run.sh): what takes long is said, the rest is there at Debug.
    private static void Took(ILogger logger, string step, Stopwatch clock)
    {
        var level = clock.ElapsedMilliseconds >= 200 ? LogLevel.Information : LogLevel.Debug;
        logger.Log(level, "Khởi động / start-up: {Step} {Milliseconds} ms", step, clock.ElapsedMilliseconds);
    }
}
