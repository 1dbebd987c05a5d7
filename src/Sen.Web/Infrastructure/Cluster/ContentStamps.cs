using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// How a node without Redis learns that another process changed content (`sen import` run beside it, which
/// writes the database and evicts only its own cache): that process moves every site's
/// <see cref="Features.Sites.Site.ContentStamp"/> when its command ends, and each serving node reads the stamps every
/// <see cref="DatabaseOptions.ChangePollInterval"/>; when they moved, it evicts its cached pages and refreshes its
/// listings, schedule and redirects, as after a bulk write. One small read per interval, no lock. With Redis the
/// cache is shared and <see cref="ClusterChanges"/> tells the nodes at once, so nothing polls.
/// </summary>
public sealed class ContentStamps(
    ClusterRedis? redis,
    IServiceScopeFactory scopes,
    ContentChangeInterceptor contentChanges,
    IOptions<DatabaseOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ContentStamps> logger) : BackgroundService
{
    private long seen = -1;
    private long refreshes;

    /// <summary>The stamps' sum as last read, or -1 before the first read (for tests and diagnostics).</summary>
    public long Seen => Interlocked.Read(ref seen);

    /// <summary>How many times a moved stamp refreshed this node (for tests and diagnostics).</summary>
    public long Refreshes => Interlocked.Read(ref refreshes);

    /// <summary>Moves every site's stamp: what the serving nodes cache may be stale.</summary>
    public static Task BumpAsync(SenDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Sites.ExecuteUpdateAsync(s => s.SetProperty(site => site.ContentStamp, site => site.ContentStamp + 1), cancellationToken);
    }

    /// <summary>At the end of a command: when it changed what readers see, the nodes without Redis are told through the database.</summary>
    public static async Task AfterCommandAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.GetRequiredService<ContentChangeInterceptor>().ChangedContent)
        {
            return;
        }

        try
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await BumpAsync(scope.ServiceProvider.GetRequiredService<SenDbContext>(), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            await Console.Error.WriteLineAsync($"Không báo được cho máy chủ đang chạy / could not tell the running nodes ({e.Message}); trang của họ tự làm mới sau tối đa 60 giây / their pages refresh within 60 s").ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis is not null || options.Value.ChangePollInterval <= TimeSpan.Zero)
        {
            return;
        }

        // The database is migrated by a start-up service that starts after this one: wait for the host to have started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task.ConfigureAwait(false);
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        // The machine's clock, not the app's TimeProvider: this is plumbing, and a test clock moved on by a week would
        // tick it 300,000 times.
        using var timer = new PeriodicTimer(options.Value.ChangePollInterval);
        do
        {
            await CheckAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
                var stamp = await db.Sites.SumAsync(s => s.ContentStamp, cancellationToken).ConfigureAwait(false);
                var before = Interlocked.Exchange(ref seen, stamp);
                if (before >= 0 && stamp != before)
                {
                    logger.LogInformation("Nội dung đã đổi ở tiến trình khác / content changed in another process: refreshing cached pages");
                    await contentChanges.BulkChangedAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref refreshes);
                }
            }
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning("Không đọc được dấu nội dung / cannot read the content stamps ({Error}); trying again", e.GetType().Name);
        }
    }
}
