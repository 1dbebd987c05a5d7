using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sen.Web.Features.Search;

namespace Sen.Web.Features.Api;

/// <summary>
/// The list filters the article list and search share: <c>chuyen-muc</c> (a category slug, its
/// subcategories included), <c>tu-ngay</c> and <c>den-ngay</c> (Vietnamese calendar days, yyyy-MM-dd,
/// both included). Read by the search page's own <see cref="SearchFilters"/>, so both answer alike.
/// A parameter given twice arrives joined by a comma, which no slug or date contains: a 400 too.
/// </summary>
public static class ApiFilters
{
    /// <summary>The filter for the current site and time, or the 400 problem that explains what was wrong.</summary>
    public static async Task<(SearchFilter? Filter, ProblemHttpResult? Problem)> ReadAsync(
        HttpContext http, SearchFilters filters, string? category, string? from, string? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(filters);
        if (category is { Length: > 120 })
        {
            return (null, ApiProblems.BadRequest(http, "Search.BadCategory"));
        }

        if (!ApiQuery.TryDate(from, out var fromDate) || !ApiQuery.TryDate(to, out var toDate))
        {
            return (null, ApiProblems.BadRequest(http, "Api.BadDate"));
        }

        var parsed = await filters.ParseAsync(
            category,
            fromDate?.ToString(ApiQuery.DateFormat, CultureInfo.InvariantCulture),
            toDate?.ToString(ApiQuery.DateFormat, CultureInfo.InvariantCulture),
            cancellationToken).ConfigureAwait(false);
        if (parsed.ErrorKey is { } error)
        {
            return (null, ApiProblems.BadRequest(http, error == "Search.BadDate" ? "Api.BadDate" : error));
        }

        return (parsed.Filter, null);
    }
}
