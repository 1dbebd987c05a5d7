using System.Diagnostics;

namespace Sen.Web.Features.Operations;

/// <summary>
/// Times every request by page type and counts public pages served from a cached copy or rendered.
/// First in the pipeline, so the ready-page fast path and error pages are timed too.
/// </summary>
/// <remarks>
/// Cheap on the article page's fast path: with no listener it is one branch; with Prometheus
/// listening, two timestamps, a path classification that reads the path without allocating, and a
/// histogram record with one pre-interned tag (tens of nanoseconds against the tens of microseconds
/// a cached page costs).
/// </remarks>
public sealed class RequestMetricsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SenMetrics.RequestDuration.Enabled ? TimeAsync(context) : next(context);
    }

    private async Task TimeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var pageType = PageTypes.Of(context.Request.Path.Value);
            var cacheable = PageTypes.IsCached(pageType)
                && HttpMethods.IsGet(context.Request.Method)
                && context.Response.StatusCode == StatusCodes.Status200OK;
            SenMetrics.RecordRequest(pageType, start, cacheable, rendered: context.Features.Get<RenderedMarker>() is not null);
        }
    }
}

/// <summary>Set on a request that got past the output cache, i.e. that was rendered rather than served from a copy.</summary>
public sealed class RenderedMarker
{
    public static readonly RenderedMarker Instance = new();

    private RenderedMarker()
    {
    }
}

/// <summary>Marks requests that the output cache passed on to be rendered (a miss); goes right behind UseOutputCache.</summary>
public sealed class RenderedMarkerMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(RenderedMarker.Instance);
        return next(context);
    }
}
