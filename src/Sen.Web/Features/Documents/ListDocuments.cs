using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

/// <summary>The current site's published documents, filtered, sorted and one page of them.</summary>
public sealed class ListDocuments(SenDbContext db, SiteContext siteContext, IOptions<DocumentOptions> options)
{
    public sealed record Query(DocumentFilter Filter, int Page);

    public sealed record Result(IReadOnlyList<DocumentSummary> Documents, int TotalCount, int Page, int PageCount, int PageSize);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = query.Filter;
        var documents = db.LegalDocuments.AsNoTracking().Where(d => d.SiteId == site.Id && d.Status == ArticleStatus.Published);
        if (filter.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (filter.Body is { } body)
        {
            documents = documents.Where(d => d.Body == body);
        }

        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            documents = documents.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
        }

        if (filter.Term is { } term)
        {
            documents = documents.Where(d => d.Term == term);
        }

        var ordered = filter.Sort switch
        {
            DocumentSort.Oldest => documents.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id),
            DocumentSort.Number => documents.OrderBy(d => d.Sequence).ThenBy(d => d.Number).ThenBy(d => d.Id),
            _ => documents.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id),
        };

        var pageSize = options.Value.PageSize;
        var total = await documents.CountAsync(cancellationToken).ConfigureAwait(false);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Max(1, query.Page);
        var rows = page > pageCount
            ? []
            : await ordered.Skip((page - 1) * pageSize).Take(pageSize)
                .Select(d => new DocumentSummary(d.Id, d.Slug, d.Number, d.Kind, d.Body, d.IssuedOn, d.EffectiveOn, d.Term, d.Summary))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Result(rows, total, page, pageCount, pageSize);
    }
}
