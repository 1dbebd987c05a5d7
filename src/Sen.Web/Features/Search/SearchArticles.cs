using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Operations;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

/// <summary>Searches the published articles: one page of results with highlighted titles and snippets.</summary>
public sealed class SearchArticles(SenDbContext db, ISearchIndex index)
{
    public const int PageSize = 10;

    /// <summary>How many candidates Sen ranks: all the backend returns (the newest matches, at most MaxRanked).</summary>
    public const int RerankDepth = ISearchIndex.MaxRanked;

    public sealed record Query(SearchQuery Text, SearchFilter Filter, SearchOrder Order = SearchOrder.Relevance, int Page = 1, int PageSize = PageSize);

    /// <summary>A result; TitleHtml and SnippetHtml are HTML-encoded with &lt;mark&gt; around matched words.</summary>
    public sealed record Hit(int EntryId, SearchKind Kind, int? ArticleId, string Title, string TitleHtml, string SnippetHtml, string Url, string? CategoryName, DateTime PublishedAt);

    /// <summary>A page of hits; TotalCount stops at ISearchIndex.MaxCount + 1, which reads "more than MaxCount".</summary>
    public sealed record Result(IReadOnlyList<Hit> Hits, int TotalCount, int PageSize)
    {
        public bool CountIsCapped => TotalCount > ISearchIndex.MaxCount;

        public int PageCount => Math.Max(1, (Math.Min(TotalCount, ISearchIndex.MaxCount) + PageSize - 1) / PageSize);
    }

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Text.IsEmpty)
        {
            return new Result([], 0, query.PageSize);
        }

        using var timing = SenMetrics.TimeSearch();
        var offset = (query.Page - 1) * query.PageSize;
        int total;
        IReadOnlyList<int> ids;
        if (query.Order == SearchOrder.Relevance && offset + query.PageSize <= RerankDepth)
        {
            var candidates = await index.CountAndCandidatesAsync(query.Text, query.Filter, cancellationToken).ConfigureAwait(false);
            total = candidates.Total;
            ids = SearchRanking.Order(query.Text, candidates.Rows).Skip(offset).Take(query.PageSize).ToList();
        }
        else
        {
            total = await index.CountAsync(query.Text, query.Filter, cancellationToken).ConfigureAwait(false);
            ids = total == 0 || offset >= Math.Min(total, ISearchIndex.MaxCount)
                ? []
                : await RankAsync(query.Text, query.Filter, query.Order, offset, query.PageSize, titleOnly: false, cancellationToken).ConfigureAwait(false);
        }

        if (ids.Count == 0 || offset >= Math.Min(total, ISearchIndex.MaxCount))
        {
            return new Result([], total, query.PageSize);
        }

        var hits = await LoadAsync(ids, query.Text, cancellationToken).ConfigureAwait(false);
        return new Result(hits, total, query.PageSize);
    }

    /// <summary>Entry ids in final order: Sen's ranking over the backend's top candidates, the backend's order beyond them.</summary>
    public async Task<IReadOnlyList<int>> RankAsync(SearchQuery text, SearchFilter filter, SearchOrder order, int offset, int count, bool titleOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (order == SearchOrder.Newest || offset + count > RerankDepth)
        {
            return await index.FindAsync(text, filter, order, offset, count, titleOnly, cancellationToken).ConfigureAwait(false);
        }

        var candidates = await index.CandidatesAsync(text, filter, titleOnly, cancellationToken).ConfigureAwait(false);
        return SearchRanking.Order(text, candidates).Skip(offset).Take(count).ToList();
    }

    public async Task<IReadOnlyList<Hit>> LoadAsync(IReadOnlyList<int> ids, SearchQuery text, CancellationToken cancellationToken, bool withSnippets = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var rows = await db.SearchEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.Kind,
                e.ArticleId,
                e.Title,
                e.Lead,
                Body = withSnippets ? e.Body : "",
                e.PublishedAt,
                ArticleSlug = e.Article != null ? e.Article.Slug : null,
                CategorySlug = e.Article != null ? e.Article.Category!.Slug : null,
                CategoryName = e.Article != null ? e.Article.Category!.Name : null,
                DocumentSlug = e.DocumentId != null ? db.LegalDocuments.Where(d => d.Id == e.DocumentId).Select(d => d.Slug).FirstOrDefault() : null,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = rows.ToDictionary(r => r.Id);
        var hits = new List<Hit>(ids.Count);
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var r))
            {
                continue;
            }

            var url = r.Kind == SearchKind.Article && r.ArticleId is { } articleId && r.CategorySlug is not null
                ? ArticleUrls.Article(r.CategorySlug, r.ArticleSlug!, articleId)
                : r.Kind == SearchKind.Document && r.DocumentSlug is not null ? Documents.DocumentUrls.Document(r.DocumentSlug) : "/";
            var snippet = withSnippets
                ? SearchSnippet.Excerpt(r.Body, text) ?? SearchSnippet.Excerpt(r.Lead, text) ?? SearchSnippet.Plain(r.Lead.Length > 0 ? r.Lead : r.Body)
                : "";
            hits.Add(new Hit(r.Id, r.Kind, r.ArticleId, r.Title, SearchSnippet.Highlight(r.Title, text), snippet, url, r.CategoryName, r.PublishedAt));
        }

        return hits;
    }
}
