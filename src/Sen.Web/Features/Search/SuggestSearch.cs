namespace Sen.Web.Features.Search;

/// <summary>As-you-type suggestions: titles (and document numbers) matching the words so far, the last as a prefix.</summary>
public sealed class SuggestSearch(SearchArticles search)
{
    public const int MaxItems = 8;

    public sealed record Item(string Title, string Url, string Kind, string Date);

    public async Task<IReadOnlyList<Item>> HandleAsync(string? text, SearchFilter filter, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(text, lastIsPrefix: true);
        if (query.IsEmpty)
        {
            return [];
        }

        var ids = await search.RankAsync(query, filter, SearchOrder.Relevance, 0, MaxItems, titleOnly: true, cancellationToken).ConfigureAwait(false);
        var hits = await search.LoadAsync(ids, query, cancellationToken, withSnippets: false).ConfigureAwait(false);
        return hits.Select(h => new Item(h.Title, h.Url, h.Kind == SearchKind.Document ? "document" : "article", Text.VietnamTime.FormatDate(h.PublishedAt))).ToList();
    }
}
