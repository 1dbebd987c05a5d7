using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Operations;

/// <summary>
/// The publish queue: articles approved for publication at a time still to come. Counted in the
/// database when /metrics is read (every scrape, typically 15–60 s), never on a reader's request.
/// </summary>
public sealed class PublishQueueGauge : IDisposable
{
    private readonly Meter meter;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<PublishQueueGauge> logger;

    public PublishQueueGauge(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublishQueueGauge> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        meter = meters.Create(SenMetrics.MeterName + ".Publishing");
        meter.CreateObservableGauge<long>("sen.publish.scheduled", Observe, "{article}", "Articles scheduled to be published later");
    }

    public void Dispose() => meter.Dispose();

    private IEnumerable<Measurement<long>> Observe()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;

            // Synchronous: the metrics exporter's callbacks are.
            var waiting = db.Articles.AsNoTracking()
                .LongCount(a => a.DeletedAt == null && a.Status == ArticleStatus.Published && a.PublishedAt > now);
            return [new Measurement<long>(waiting)];
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not count the scheduled articles for /metrics");
            return [];
        }
    }
}
