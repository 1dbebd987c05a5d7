using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Api;

/// <summary>
/// Per-client limit on the public API (<c>Api:RateLimit:PermitsPerMinute</c> per IP address, a token
/// bucket as for searching): a refused request gets a 429 problem in Vietnamese with Retry-After.
/// </summary>
public static class ApiRateLimits
{
    public const string Policy = "public-api";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>()
            .BindConfiguration(ApiRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, ApiLimit>(Policy);
        });
        return services;
    }

    private sealed class ApiLimit(IOptions<ApiRateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
        {
            ClientRateLimits.SetRetryAfter(context);
            await ApiProblems.Problem(context.HttpContext, StatusCodes.Status429TooManyRequests, "Error.TooManyRequests.Title", "Api.TooManyRequests")
                .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            ClientRateLimits.PerClient(httpContext, options.Value.PermitsPerMinute, "api:");
    }
}
