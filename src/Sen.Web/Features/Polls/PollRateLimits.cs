using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Cluster;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Polls;

/// <summary>How many votes one client address may send per minute: <c>Polls:VoteRateLimit:PermitsPerMinute</c>.</summary>
public sealed class PollRateLimitOptions
{
    public const string Section = "Polls:VoteRateLimit";

    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 10;
}

/// <summary>
/// Per-client limit on votes (POSTs to a poll's vote page): a reader who deletes the vote cookie cannot
/// stuff the ballot box faster than this. A refused vote gets a 429 with Retry-After and a Vietnamese
/// message (the status page, or JSON for the script). Showing the vote form is never limited. With Redis
/// the limit holds across all nodes (<see cref="SharedRateLimits"/>).
/// </summary>
public static class PollRateLimits
{
    public const string Policy = "poll-vote";

    public static IServiceCollection AddPollRateLimits(this IServiceCollection services)
    {
        services.AddOptions<PollRateLimitOptions>()
            .BindConfiguration(PollRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, VoteLimit>(Policy);
        });
        return services;
    }

    private sealed class VoteLimit(IOptions<PollRateLimitOptions> options, SharedRateLimits limits) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
        {
            ClientRateLimits.SetRetryAfter(context);
            var http = context.HttpContext;
            if (PollJson.Wanted(http.Request))
            {
                await PollJson.WriteMessageAsync(http, StatusCodes.Status429TooManyRequests, "Poll.TooManyVotes", cancellationToken).ConfigureAwait(false);
                return;
            }

            // No body: the status page middleware renders the Vietnamese 429 page with this message.
            StatusMessage.Set(http, "Poll.TooManyVotes");
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            HttpMethods.IsPost(httpContext.Request.Method)
                ? limits.PerClient(httpContext, options.Value.PermitsPerMinute, scope: "poll ")
                : RateLimitPartition.GetNoLimiter("form");
    }
}
