using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// One client's limit kept in Redis: a counter per fixed one-minute window (INCRBY, and PEXPIRE when the
/// window starts, in one script so no counter outlives its window). Every node counts into the same key.
/// A refused lease says when the window ends (Retry-After). While Redis cannot be reached, a token bucket
/// of the same size in this node's memory decides instead (<see cref="SharedRateLimits"/>).
/// </summary>
internal sealed class RedisWindowRateLimiter(ClusterRedis redis, RedisKey key, int permitsPerMinute, SharedRateLimits owner) : RateLimiter
{
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lazy<TokenBucketRateLimiter> local = new(() => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = permitsPerMinute,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = Window / permitsPerMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    }));

    private long lastUsed = Stopwatch.GetTimestamp();

    /// <summary>
    /// How long the partition was unused (the partitioned limiter drops idle ones; the count stays in Redis),
    /// unless a fallback bucket is still refilling: that one is kept until it is full again.
    /// </summary>
    public override TimeSpan? IdleDuration => local.IsValueCreated && local.Value.IdleDuration is null
        ? null
        : Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => local.IsValueCreated ? local.Value.GetStatistics() : null;

    /// <summary>Never synchronous: the rate limiting middleware then asks <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        permitCount == 0 ? WindowLease.Granted : WindowLease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitsPerMinute);
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return WindowLease.Granted;
        }

        try
        {
            var reply = await redis.Database
                .ScriptEvaluateAsync(CountScript, [key], [(long)Window.TotalMilliseconds, permitCount])
                .WaitAsync(cancellationToken)
                .ConfigureAwait(false);
            var counted = (long[]?)reply ?? [];
            var count = counted[0];
            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, counted[1]));
            return count <= permitsPerMinute ? WindowLease.Granted : new WindowLease(false, remaining);
        }
        catch (Exception e) when (ClusterRedis.IsOutage(e))
        {
            owner.Unreachable(e);
            return await local.Value.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && local.IsValueCreated)
        {
            local.Value.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        /// <summary>"Not synchronously": carries no Retry-After, so it is never what a client sees.</summary>
        public static readonly WindowLease NotYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
