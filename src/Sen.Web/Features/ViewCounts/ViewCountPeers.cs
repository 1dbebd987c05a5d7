using System.Globalization;
using System.Text;
using Sen.Web.Infrastructure.Cluster;
using StackExchange.Redis;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// With several nodes (Redis), each node's pages show the other nodes' views within a flush interval:
/// after a flush the node publishes the totals the database gave back on <c>{Redis:InstanceName}views</c>
/// and every other node takes them (<see cref="ViewCounter.ObserveStored"/>). The hot path is untouched:
/// one message per node and flush, handled off the request path. Without Redis this does nothing; if a
/// message is lost, the node re-reads the total after <see cref="ViewCounter.StoredLifetime"/> as before.
/// </summary>
public sealed class ViewCountPeers(ViewCounter counter, ClusterRedis? redis, ILogger<ViewCountPeers> logger) : IHostedService
{
    private readonly string node = Guid.NewGuid().ToString("N");

    private RedisChannel Channel => RedisChannel.Literal(redis!.InstanceName + "views");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return;
        }

        counter.Stored += Publish;
        try
        {
            await redis.Connection.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message)).ConfigureAwait(false);
        }
        catch (Exception e) when (ClusterRedis.IsOutage(e))
        {
            // Totals are then re-read from the database after StoredLifetime, as on one node.
            logger.LogWarning("Redis không trả lời / Redis cannot be reached ({Error}): other nodes' views show after {Lifetime}", e.GetType().Name, ViewCounter.StoredLifetime);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        counter.Stored -= Publish;
        return Task.CompletedTask;
    }

    /// <summary>"node|id:total,id:total".</summary>
    internal static string Format(string node, IReadOnlyDictionary<int, long> totals)
    {
        var text = new StringBuilder(node.Length + 1 + (totals.Count * 16)).Append(node).Append('|');
        foreach (var (articleId, total) in totals)
        {
            text.Append(CultureInfo.InvariantCulture, $"{articleId}:{total},");
        }

        return text.ToString();
    }

    internal static Dictionary<int, long>? Parse(string message, string self)
    {
        var bar = message.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || message.AsSpan(0, bar).SequenceEqual(self))
        {
            return null;
        }

        var totals = new Dictionary<int, long>();
        foreach (var pair in message[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0
                && int.TryParse(pair.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var articleId)
                && long.TryParse(pair.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            {
                totals[articleId] = total;
            }
        }

        return totals;
    }

    private void Publish(IReadOnlyDictionary<int, long> totals)
    {
        try
        {
            redis!.Connection.GetSubscriber().Publish(Channel, Format(node, totals), CommandFlags.FireAndForget);
        }
        catch (Exception e) when (ClusterRedis.IsOutage(e))
        {
            // The other nodes re-read the totals after StoredLifetime.
        }
    }

    private void Receive(RedisValue message)
    {
        if (message.IsNullOrEmpty || Parse(message.ToString(), node) is not { } totals)
        {
            return;
        }

        counter.ObserveStored(totals);
    }
}
