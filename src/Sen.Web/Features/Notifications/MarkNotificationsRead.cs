using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Notifications;

/// <summary>Marks one of the signed-in user's notifications read, or all of them; audited in the same save.</summary>
public sealed class MarkNotificationsRead(SenDbContext db, SiteContext siteContext, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    /// <summary><paramref name="Id"/>: one notification; null: every unread one.</summary>
    public sealed record Command(long? Id);

    /// <summary>False when the notification is not the user's (or does not exist): the page answers 404.</summary>
    public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (currentUser.Actor.UserId is not int userId)
        {
            return false;
        }

        var siteId = (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Set<Notification>().Where(n => n.UserId == userId && n.SiteId == siteId);
        if (command.Id is long id)
        {
            var notification = await mine.FirstOrDefaultAsync(n => n.Id == id, cancellationToken).ConfigureAwait(false);
            if (notification is null)
            {
                return false;
            }

            if (notification.ReadAt is null)
            {
                notification.ReadAt = now;
                audit.Record(AuditActions.NotificationRead, nameof(Notification), id.ToString(CultureInfo.InvariantCulture), notification.Title, db.Entry(notification), siteId);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        // One UPDATE however many there are, and the audit entry in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var marked = await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken).ConfigureAwait(false);
        if (marked > 0)
        {
            audit.Record(AuditActions.NotificationRead, nameof(Notification), null, string.Create(CultureInfo.InvariantCulture, $"{marked}"), null, siteId);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
