using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>Opens a poll for votes (within its dates) or closes it; a closed poll can be opened again.</summary>
public sealed class ChangePollStatus(SenDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock)
{
    public async Task<SaveResult> HandleAsync(int pollId, bool open, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var poll = await db.Polls.FirstOrDefaultAsync(p => p.Id == pollId && p.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
        if (poll is null)
        {
            return SaveResult.NotFound;
        }

        var status = open ? PollStatus.Open : PollStatus.Closed;
        if (poll.Status != status)
        {
            poll.Status = status;
            poll.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(open ? AuditActions.PollOpened : AuditActions.PollClosed, nameof(Poll), poll.Id.ToString(CultureInfo.InvariantCulture), poll.Question, db.Entry(poll), site.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return SaveResult.Saved;
    }
}
