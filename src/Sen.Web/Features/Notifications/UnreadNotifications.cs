using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Notifications;

/// <summary>How many notifications the signed-in user has not read, for the admin header: one count on the (UserId, SiteId, ReadAt) index.</summary>
public sealed class UnreadNotifications(SenDbContext db, SiteContext siteContext, CurrentUser currentUser)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Actor.UserId is not int userId)
        {
            return 0;
        }

        var siteId = (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;
        return await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.SiteId == siteId && n.ReadAt == null, cancellationToken).ConfigureAwait(false);
    }
}
