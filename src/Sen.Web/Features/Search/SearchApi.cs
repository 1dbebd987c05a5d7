namespace Sen.Web.Features.Search;

public static class SearchApi
{
    public const string SuggestPath = "/api/v1/search/suggest";

    public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestSearch.Item> Items);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(SuggestPath, async (HttpContext http, SuggestSearch suggest, SearchFilters filters, CancellationToken cancellationToken) =>
        {
            var values = http.Request.Query["q"];
            var text = values.Count == 0 ? "" : values[0] ?? "";
            if (text.Length > SearchQuery.MaxLength)
            {
                text = text[..SearchQuery.MaxLength];
            }

            var parsed = await filters.ParseAsync(null, null, null, cancellationToken).ConfigureAwait(false);
            var items = await suggest.HandleAsync(text, parsed.Filter, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new SuggestResponse(Text.VietnameseText.Nfc(text)!, items));
        })
        .WithName("SearchSuggest")
        .RequireRateLimiting(SearchRateLimits.SuggestionsPolicy);
        return app;
    }
}
