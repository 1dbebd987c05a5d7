namespace Sen.Web.Features.Search;

public static class SearchApi
{
    public const string SuggestPath = "/api/v1/search/suggest";

    public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestSearch.Item> Items);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(SuggestPath, async (HttpContext http, SuggestSearch suggest, SearchFilters filters, CancellationToken cancellationToken) =>
        {
            var text = SuggestText(http.Request);
            var parsed = await filters.ParseAsync(null, null, null, cancellationToken).ConfigureAwait(false);
            var items = await suggest.HandleAsync(text, parsed.Filter, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new SuggestResponse(text, items));
        })
        .WithName("SearchSuggest")
        .WithMetadata(new Api.ApiParameters([new(SearchPageModel.QueryParameter, "string", Required: true)]))
        .RequireRateLimiting(SearchRateLimits.SuggestionsPolicy)
        .CacheOutput(new SuggestionCachePolicy());
        return app;
    }

    /// <summary>What the reader typed (the first q), at most <see cref="SearchQuery.MaxLength"/> characters, in NFC.</summary>
    internal static string SuggestText(HttpRequest request)
    {
        var values = request.Query["q"];
        var text = values.Count == 0 ? "" : values[0] ?? "";
        return Text.VietnameseText.Nfc(text.Length > SearchQuery.MaxLength ? text[..SearchQuery.MaxLength] : text)!;
    }
}
