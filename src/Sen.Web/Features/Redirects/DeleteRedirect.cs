using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Redirects;

/// <summary>Deletes one of the current site's redirects: its old address answers 404 again.</summary>
public sealed class DeleteRedirect(SenDbContext db, SiteContext siteContext, AuditLog audit, RedirectTable table)
{
    public async Task<SaveResult> HandleAsync(int redirectId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var redirect = await db.Redirects.FirstOrDefaultAsync(r => r.Id == redirectId && r.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (redirect is null)
        {
            return SaveResult.NotFound;
        }

        db.Redirects.Remove(redirect);
        audit.Record(AuditActions.RedirectDeleted, nameof(Redirect), redirect.Id.ToString(CultureInfo.InvariantCulture), $"{redirect.OldPath} → {redirect.Target}", db.Entry(redirect), site.Id);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        table.Invalidate(site.Key);
        return SaveResult.Saved;
    }
}
