using StackExchange.Redis;

namespace Sen.Web.Infrastructure.Cluster;

/// <summary>
/// The Redis that the nodes of one site share (<c>Redis:Configuration</c>), registered only when it is
/// configured. One connection for the life of the node, opened on first use. While Redis is down,
/// commands fail at once (as the output cache's do) and the connection is retried in the background;
/// each user decides what an outage means for it (docs/ARCHITECTURE.md, "Several nodes").
/// </summary>
public sealed class ClusterRedis : IDisposable
{
    /// <summary>The prefix of every key Sen writes unless <c>Redis:InstanceName</c> says otherwise, as for the output cache.</summary>
    public const string DefaultInstanceName = "sen:";

    private readonly ConfigurationOptions options;
    private readonly Lock gate = new();
    private ConnectionMultiplexer? connection;

    public ClusterRedis(string configuration, string? instanceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        InstanceName = string.IsNullOrEmpty(instanceName) ? DefaultInstanceName : instanceName;
    }

    public string InstanceName { get; }

    public IConnectionMultiplexer Connection
    {
        get
        {
            if (Volatile.Read(ref connection) is { } existing)
            {
                return existing;
            }

            lock (gate)
            {
                // AbortOnConnectFail = false: returns at once even when Redis is down.
                return connection ??= ConnectionMultiplexer.Connect(options);
            }
        }
    }

    public IDatabase Database => Connection.GetDatabase();

    /// <summary>A key under <see cref="InstanceName"/>.</summary>
    public RedisKey Key(string name) => InstanceName + name;

    /// <summary>True for the failures that mean "Redis cannot answer now" (down, timing out), not a bug.</summary>
    public static bool IsOutage(Exception exception) => exception is RedisException or TimeoutException or ObjectDisposedException;

    public void Dispose()
    {
        lock (gate)
        {
            connection?.Dispose();
            connection = null;
        }
    }
}
