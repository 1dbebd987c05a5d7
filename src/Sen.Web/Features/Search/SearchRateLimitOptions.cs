using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Search;

/// <summary>
/// How many searches each client (IP address) may make per minute: <c>Search:RateLimit:PermitsPerMinute</c>
/// for the search page, <c>Search:RateLimit:SuggestionsPerMinute</c> for the as-you-type suggestions,
/// which a reader sends several of per search.
/// </summary>
public sealed class SearchRateLimitOptions
{
    public const string Section = "Search:RateLimit";

    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int SuggestionsPerMinute { get; set; } = 300;
}
