using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Operations;

/// <summary>Ready when the database answers a query.</summary>
public sealed class DatabaseReadyCheck(SenDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message only: a connection error can name the server, never the password.
            return HealthCheckResult.Unhealthy("The database cannot be reached: " + ex.GetType().Name);
        }
    }
}
