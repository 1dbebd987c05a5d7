namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// Work a feature needs done on the database as the app (or a command) starts, after the migrations:
/// loading demo content into an empty database, building a missing search index. Registered by the
/// feature (<c>services.AddScoped&lt;IDatabaseStartupTask, ...&gt;()</c>) and run by <see cref="DatabaseInitializer"/>.
/// </summary>
public interface IDatabaseStartupTask
{
    /// <summary>Tasks run in ascending order: content first (<see cref="ContentOrder"/>), then what is derived from it (<see cref="DerivedOrder"/>).</summary>
    int Order { get; }

    Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken);

    public const int ContentOrder = 100;

    public const int DerivedOrder = 200;
}
