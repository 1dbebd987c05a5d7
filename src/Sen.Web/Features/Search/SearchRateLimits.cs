using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web.Features.Search;

/// <summary>
/// Per-client limits on searching: every search reads the full-text index, so one client (an IP
/// address) cannot keep the database busy for everyone. A refused request gets a 429 with
/// Retry-After: the search page a Vietnamese status page, the suggestions a Vietnamese problem JSON.
/// </summary>
public static class SearchRateLimits
{
    public const string PagePolicy = "search-page";
    public const string SuggestionsPolicy = "search-suggestions";

    public static IServiceCollection AddSearchRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SearchRateLimitOptions>()
            .BindConfiguration(SearchRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, PageLimit>(PagePolicy);
            o.AddPolicy<string, SuggestionsLimit>(SuggestionsPolicy);
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute) =>
        ClientRateLimits.PerClient(context, perMinute);

    private static void SetRetryAfter(OnRejectedContext context) => ClientRateLimits.SetRetryAfter(context);

    private sealed class PageLimit(IOptions<SearchRateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        // No body: the status page middleware renders the Vietnamese 429 page with this message.
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
        {
            SetRetryAfter(context);
            StatusMessage.Set(context.HttpContext, "Search.TooManyRequests");
            return ValueTask.CompletedTask;
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            PerClient(httpContext, options.Value.PermitsPerMinute);
    }

    private sealed class SuggestionsLimit(IOptions<SearchRateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
        {
            SetRetryAfter(context);
            var http = context.HttpContext;
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(
                detail: text["Search.TooManySuggestions"],
                statusCode: StatusCodes.Status429TooManyRequests,
                title: text["Error.TooManyRequests.Title"]).ExecuteAsync(http).ConfigureAwait(false);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            PerClient(httpContext, options.Value.SuggestionsPerMinute);
    }
}
