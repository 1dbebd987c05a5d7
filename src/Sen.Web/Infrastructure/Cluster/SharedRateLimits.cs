using System.Threading.RateLimiting;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// Per-client limits that hold for the whole site however many nodes serve it: signing in and voting.
/// Alone, a node keeps its token buckets in memory (<see cref="ClientRateLimits.PerClient"/>). With Redis,
/// the count of a client's attempts is one Redis counter per minute (<see cref="RedisWindowRateLimiter"/>),
/// so attempts spread over the nodes add up. While Redis cannot be reached, each node falls back to its
/// own bucket for that client: a guesser gets at most one limit per node, and no reader ever gets a 500.
/// Searching and the API stay per node: they guard each node's CPU, which is what they are for.
/// </summary>
public sealed class SharedRateLimits(ClusterRedis? redis, ILogger<SharedRateLimits> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private long lastWarning;

    /// <summary>True when the limits are kept in Redis.</summary>
    public bool Shared => redis is not null;

    /// <summary>At most <paramref name="perMinute"/> attempts a minute from one client address, on all nodes together.</summary>
    public RateLimitPartition<string> PerClient(HttpContext context, int perMinute, string scope)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (redis is null)
        {
            return ClientRateLimits.PerClient(context, perMinute, scope);
        }

        var shared = redis;
        return RateLimitPartition.Get(
            scope + context.Connection.RemoteIpAddress,
            partition => new RedisWindowRateLimiter(shared, shared.Key("rate-limit:" + partition), perMinute, this));
    }

    /// <summary>Told by a limiter that Redis did not answer; warns at most once a minute.</summary>
    internal void Unreachable(Exception exception)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastWarning);
        if (last != 0 && now - last < (long)WarningInterval.TotalMilliseconds)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref lastWarning, now, last) == last)
        {
            logger.LogWarning(
                "Redis không trả lời / Redis cannot be reached ({Error}): rate limits fall back to each node's own until it is back",
                exception.GetType().Name);
        }
    }
}
