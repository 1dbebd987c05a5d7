using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sen.Web.Features.Operations;

/// <summary>
/// Sen's own instruments, exported at /metrics (docs/OPERATIONS.md). Static, so the hot paths that
/// record them (every request, every flush) need no service lookup; an instrument nobody listens to
/// costs one branch.
/// </summary>
public static class SenMetrics
{
    public const string MeterName = "Sen";

    private static readonly Meter Meter = new(MeterName);

    // Seconds: OpenTelemetry's default buckets are meant for milliseconds (0–10 000).
    private static readonly InstrumentAdvice<double> LatencyBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Time from Sen's first middleware to its last, by page type (<see cref="PageTypes"/>).</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "sen.request.duration", "s", "Time Sen took to answer a request, by page type", advice: LatencyBuckets);

    /// <summary>Public pages answered from a cached copy (hit) or rendered (miss).</summary>
    public static readonly Counter<long> OutputCacheRequests = Meter.CreateCounter<long>(
        "sen.output_cache.requests", "{request}", "Public pages (home, category, article) answered from the cache (hit) or rendered (miss)");

    public static readonly Counter<long> ViewsFlushed = Meter.CreateCounter<long>(
        "sen.views.flushed", "{view}", "Article views stored in the database by the view-count flusher");

    public static readonly Counter<long> ViewFlushFailures = Meter.CreateCounter<long>(
        "sen.views.flush_failures", "{failure}", "View-count flushes that failed (the views are kept for the next try)");

    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>(
        "sen.search.duration", "s", "Time to search the published articles for one page of results", advice: LatencyBuckets);

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    /// <summary>Records a request that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordRequest(string pageType, long startTimestamp, bool cacheable, bool rendered)
    {
        RequestDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("page_type", pageType));
        if (cacheable)
        {
            OutputCacheRequests.Add(1, rendered ? Miss : Hit);
        }
    }

    /// <summary>Times a search; the result is recorded when it is disposed.</summary>
    public static SearchTiming TimeSearch() => new(SearchDuration.Enabled ? Stopwatch.GetTimestamp() : 0);
}

/// <summary>A search being timed (<see cref="SenMetrics.TimeSearch"/>).</summary>
public sealed class SearchTiming(long start) : IDisposable
{
    public void Dispose()
    {
        if (start != 0)
        {
            SenMetrics.SearchDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }
}
