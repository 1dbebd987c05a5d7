using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sen.Web.Features.Operations;

/// <summary>
/// The body of /readyz: the overall status and each check's status, time and reason, for a load
/// balancer (which reads only the status code: 200 or 503) and for the operator reading it.
/// </summary>
public static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Body(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            report.Entries.Select(e => new Check(e.Key, e.Value.Status.ToString(), Math.Round(e.Value.Duration.TotalMilliseconds, 1), e.Value.Description)).ToList());
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private sealed record Body(string Status, double DurationMs, IReadOnlyList<Check> Checks);

    private sealed record Check(string Name, string Status, double DurationMs, string? Description);
}
