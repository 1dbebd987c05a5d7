using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>The current site's website links in the order readers see them.</summary>
public sealed class ListWebsiteLinks(SenDbContext db, SiteContext siteContext)
{
    public sealed record Row(int Id, string Title, string Url);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        return await db.WebsiteLinks.AsNoTracking()
            .Where(l => l.SiteId == site.Id)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new Row(l.Id, l.Title, l.Url))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
