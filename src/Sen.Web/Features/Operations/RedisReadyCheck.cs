using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Sen.Web.Features.Operations;

/// <summary>
/// Ready when the configured Redis answers a PING. Registered only when Redis:Configuration is set.
/// One connection for the life of the node, opened on the first check.
/// </summary>
public sealed class RedisReadyCheck(string configuration) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ConnectionMultiplexer? connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis cannot be reached: " + ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        connection?.Dispose();
        gate.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (connection is { } existing)
        {
            return existing;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is null)
            {
                // As the output cache does: fail at once while Redis is down, reconnect in the background.
                var options = ConfigurationOptions.Parse(configuration);
                options.AbortOnConnectFail = false;
                options.BacklogPolicy = BacklogPolicy.FailFast;
                connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            }

            return connection;
        }
        finally
        {
            gate.Release();
        }
    }
}
