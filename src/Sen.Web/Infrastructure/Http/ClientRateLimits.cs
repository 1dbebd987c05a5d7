using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Sen.Web.Infrastructure.Http;

/// <summary>The per-client token buckets the features' rate limits share (searching, signing in).</summary>
public static class ClientRateLimits
{
    /// <summary>
    /// A bucket of <paramref name="perMinute"/> requests per client address, refilled one at a time over the
    /// minute: bursts are allowed, and a refused client learns when the next request is. Without an address
    /// (a Unix socket) all such clients share one bucket.
    /// </summary>
    public static RateLimitPartition<string> PerClient(HttpContext context, int perMinute, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(context);
        return RateLimitPartition.GetTokenBucketLimiter(
            scope + context.Connection.RemoteIpAddress,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    /// <summary>Sets Retry-After from the refused lease (a minute when it cannot say).</summary>
    public static void SetRetryAfter(OnRejectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }
}
