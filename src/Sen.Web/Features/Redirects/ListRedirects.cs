using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Redirects;

/// <summary>A page of the current site's redirects, newest first, optionally those whose old or new address contains a text.</summary>
public sealed class ListRedirects(SenDbContext db, SiteContext siteContext)
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string OldPath, string Target, string Source, string? CreatedBy, DateTime CreatedAt);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int Pages);

    public async Task<Result> HandleAsync(string? search, int page, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Redirects.AsNoTracking().Where(r => r.SiteId == site.Id);
        var text = search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(r => r.OldPath.Contains(lower) || r.Target.Contains(text));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderByDescending(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.OldPath, r.Target, r.Source, r.CreatedBy, r.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Result(rows, total, page, pages);
    }
}
