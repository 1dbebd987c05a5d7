using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Notifications;

/// <summary>The signed-in user's notifications in the current site, newest first, a page at a time. Nobody sees another's.</summary>
public sealed class ListNotifications(SenDbContext db, SiteContext siteContext, CurrentUser currentUser)
{
    public const int PageSize = 20;

    public sealed record Query(int Page);

    public sealed record Row(long Id, NotificationKind Kind, string Title, string Summary, string Link, DateTime CreatedAt, bool IsRead);

    public sealed record Result(IReadOnlyList<Row> Rows, int Page, int PageCount, int Total, int Unread);

    /// <summary>Null when the page is past the end (the first page always exists, empty or not).</summary>
    public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (currentUser.Actor.UserId is not int userId)
        {
            return new Result([], 1, 1, 0, 0);
        }

        var siteId = (await siteContext.GetAsync(cancellationToken).ConfigureAwait(false)).Id;
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId && n.SiteId == siteId);
        var total = await mine.CountAsync(cancellationToken).ConfigureAwait(false);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken).ConfigureAwait(false);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (query.Page > pageCount)
        {
            return null;
        }

        // Ids grow with time: newest first by the (UserId, SiteId, Id) index.
        var rows = await mine.OrderByDescending(n => n.Id).Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Id, n.Kind, n.Title, n.Summary, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Result(rows, query.Page, pageCount, total, unread);
    }
}
