using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Cluster;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Accounts;

/// <summary>
/// Per-client limit on sign-in attempts (POSTs of the sign-in form): a refused attempt gets the
/// Vietnamese 429 page with Retry-After. Showing the form is never limited. With Redis the limit holds
/// across all nodes (<see cref="SharedRateLimits"/>).
/// </summary>
public static class SignInRateLimits
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>()
            .BindConfiguration(SignInRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, SignInLimit>(Policy);
        });
        return services;
    }

    private sealed class SignInLimit(IOptions<SignInRateLimitOptions> options, SharedRateLimits limits) : IRateLimiterPolicy<string>
    {
        // No body: the status page middleware renders the Vietnamese 429 page with this message.
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
        {
            ClientRateLimits.SetRetryAfter(context);
            StatusMessage.Set(context.HttpContext, "Account.TooManySignIns");
            return ValueTask.CompletedTask;
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            if (!HttpMethods.IsPost(httpContext.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("form");
            }

            return limits.PerClient(httpContext, options.Value.PermitsPerMinute, scope: "post ");
        }
    }
}
