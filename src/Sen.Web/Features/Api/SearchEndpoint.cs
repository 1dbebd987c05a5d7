using Microsoft.AspNetCore.Http.HttpResults;
using Sen.Web.Features.Search;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Http;
using Sen.Web.Text;

namespace Sen.Web.Features.Api;

/// <summary>GET /api/v1/search?q=: the search page's results (same index, same ranking), as JSON.</summary>
public static class SearchEndpoint
{
    public const string Path = "/search";
    public const string SortParameter = SearchPageModel.SortParameter;

    /// <summary>Results may lag a write by at most this long (the home tag evicts them at once too).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapSearchEndpoint(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(Path, SearchAsync)
            .WithName("Search")
            .WithMetadata(new ApiParameters(
            [
                new(SearchPageModel.QueryParameter, "string", Required: true, Example: "quế sơn"),
                new(PageQuery.Parameter, "integer"),
                new(ApiQuery.CategoryParameter, "string"),
                new(ApiQuery.FromParameter, "string", "date"),
                new(ApiQuery.ToParameter, "string", "date"),
                new(SortParameter, "string"),
            ]))
            .Produces<ApiSearchPage>()
            .WithApiResponses()
            .CacheOutput(new ApiCachePolicy(Lifetime, SearchPageModel.QueryParameter, PageQuery.Parameter, ApiQuery.CategoryParameter, ApiQuery.FromParameter, ApiQuery.ToParameter, SortParameter));
        return api;
    }

    private static async Task<Results<Ok<ApiSearchPage>, ProblemHttpResult>> SearchAsync(
        HttpContext http, SearchArticles search, SearchFilters filters, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!PageQuery.TryRead(request, out var pageNumber))
        {
            return ApiProblems.BadRequest(http, "Error.BadPageNumber");
        }

        if (!ApiQuery.TryRead(request, SearchPageModel.QueryParameter, out var text)
            || !ApiQuery.TryRead(request, ApiQuery.CategoryParameter, out var category)
            || !ApiQuery.TryRead(request, ApiQuery.FromParameter, out var from)
            || !ApiQuery.TryRead(request, ApiQuery.ToParameter, out var to)
            || !ApiQuery.TryRead(request, SortParameter, out var sort))
        {
            return ApiProblems.BadRequest(http, "Api.RepeatedParameter");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ApiProblems.BadRequest(http, "Api.MissingQuery");
        }

        if (sort is not (null or SearchPageModel.RelevanceSort or SearchPageModel.NewestSort))
        {
            return ApiProblems.BadRequest(http, "Api.BadSort");
        }

        var (filter, problem) = await ApiFilters.ReadAsync(http, filters, category, from, to, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var q = VietnameseText.Nfc(text.Length > SearchQuery.MaxLength ? text[..SearchQuery.MaxLength] : text)!;
        var page = pageNumber ?? 1;
        var result = await search.HandleAsync(
            new SearchArticles.Query(SearchQuery.Parse(q), filter!, sort == SearchPageModel.NewestSort ? SearchOrder.Newest : SearchOrder.Relevance, page),
            cancellationToken).ConfigureAwait(false);

        // Every article write evicts the home tag, as for the suggestions.
        PublicCache.Tag(http, PublicCache.Tags.Home);
        var hits = result.Hits
            .Select(h => new ApiSearchHit(
                h.Kind == SearchKind.Document ? "document" : "article", h.ArticleId, h.Title, h.TitleHtml, h.SnippetHtml, h.Url, h.CategoryName, ApiTime.Vietnam(h.PublishedAt)))
            .ToList();
        return TypedResults.Ok(new ApiSearchPage(
            q, page, result.PageSize, Math.Min(result.TotalCount, ISearchIndex.MaxCount), result.CountIsCapped, result.PageCount, hits));
    }
}
