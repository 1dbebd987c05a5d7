namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Evictions no save announces, because time makes them (a scheduled article reaching its publication
/// time). Checked before any cached page is served, so it must be cheap when nothing is due.
/// </summary>
public interface IScheduledEvictions
{
    ValueTask EvictIfDueAsync(CancellationToken cancellationToken);
}
