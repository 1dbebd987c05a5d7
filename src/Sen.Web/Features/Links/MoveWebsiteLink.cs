using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>Moves a website link one place up or down in the current site's list.</summary>
public sealed class MoveWebsiteLink(SenDbContext db, SiteContext siteContext, AuditLog audit)
{
    public async Task<SaveResult> HandleAsync(int linkId, bool up, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var links = await db.WebsiteLinks.Where(l => l.SiteId == site.Id)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var link = links.FirstOrDefault(l => l.Id == linkId);
        if (link is null)
        {
            return SaveResult.NotFound;
        }

        if (SortOrders.Move(links, link, up, l => l.SortOrder, (l, order) => l.SortOrder = order))
        {
            audit.Record(AuditActions.LinkChanged, nameof(WebsiteLink), link.Id.ToString(CultureInfo.InvariantCulture), link.Title, db.Entry(link), site.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return SaveResult.Saved;
    }
}
