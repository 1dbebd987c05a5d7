namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// Migrates (and seeds an empty database) while the host starts, before Kestrel takes requests,
/// so the first reader never meets a missing table.
/// </summary>
internal sealed class DatabaseInitializationService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitializeDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
