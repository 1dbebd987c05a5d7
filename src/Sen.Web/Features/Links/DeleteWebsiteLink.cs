using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Links;

/// <summary>Deletes one of the current site's website links.</summary>
public sealed class DeleteWebsiteLink(SenDbContext db, SiteContext siteContext, AuditLog audit)
{
    public async Task<SaveResult> HandleAsync(int linkId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var link = await db.WebsiteLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            return SaveResult.NotFound;
        }

        db.WebsiteLinks.Remove(link);
        audit.Record(AuditActions.LinkDeleted, nameof(WebsiteLink), link.Id.ToString(CultureInfo.InvariantCulture), link.Title, db.Entry(link), site.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SaveResult.Saved;
    }
}
