using Sen.Web.Infrastructure.Data;
using StackExchange.Redis;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// Keeps what each node holds in memory about content (category listings, the next scheduled publication,
/// the redirect table: whatever the <see cref="IContentChangeRule"/>s refresh) in step across nodes. The
/// cached pages need nothing: with Redis they are in Redis, and an eviction there is seen by all. When a
/// committed change refreshed something here, this node says so on a Redis channel; every other node
/// (and no node twice) then refreshes all of it, as after a bulk write: these are cheap to rebuild and
/// changes are rare next to reads. A process that only writes (`sen import` from the command line) says
/// so too. After Redis was unreachable a node refreshes everything, as it may have missed messages.
/// Without Redis this does nothing: one node, nothing to tell.
/// </summary>
public sealed class ClusterChanges(ClusterRedis? redis, IEnumerable<IContentChangeRule> rules, ILogger<ClusterChanges> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetrySubscribe = TimeSpan.FromSeconds(2);

    private readonly string node = Guid.NewGuid().ToString("N");

    /// <summary>How many times another node's change refreshed this one (for tests and diagnostics).</summary>
    public long RefreshedByOthers => Interlocked.Read(ref refreshedByOthers);

    private long refreshedByOthers;
    private bool subscribed;

    private RedisChannel Channel => RedisChannel.Literal(redis!.InstanceName + "content-changes");

    /// <summary>Tells the other nodes that content changed; never throws, never waits.</summary>
    public void Announce()
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            redis.Connection.GetSubscriber().Publish(Channel, node, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (ClusterRedis.IsOutage(e))
        {
            // The others refresh everything when they see Redis again, and their copies expire on their own.
            logger.LogWarning("Redis không trả lời / Redis cannot be reached ({Error}): other nodes learn of this change when it is back", e.GetType().Name);
        }
    }

    /// <summary>Refreshes everything this node keeps in memory about content.</summary>
    public void RefreshHere()
    {
        var change = new ContentChange();
        foreach (var rule in rules)
        {
            rule.BulkChanged(change);
        }

        foreach (var refresh in change.Refreshes)
        {
            refresh();
        }
    }

    /// <summary>Listens before the node takes requests, so no change made after its start is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is not null)
        {
            redis.Connection.ConnectionRestored += (_, _) => RefreshHere();
            subscribed = await TrySubscribeAsync().ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tries again while Redis could not be reached at start.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (redis is not null && !subscribed && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(RetrySubscribe, stoppingToken).ConfigureAwait(false);
            subscribed = await TrySubscribeAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            await redis!.Connection.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
            {
                if (message != node)
                {
                    Interlocked.Increment(ref refreshedByOthers);
                    RefreshHere();
                }
            }).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (ClusterRedis.IsOutage(e))
        {
            logger.LogWarning("Redis không trả lời / Redis cannot be reached ({Error}): retrying to listen for other nodes' changes", e.GetType().Name);
            RefreshHere();
            return false;
        }
    }
}
