using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>Every poll of the current site for the newsroom, drafts included, newest first; or one of them.</summary>
public sealed class ListPollsForNewsroom(SenDbContext db, SiteContext siteContext)
{
    public async Task<IReadOnlyList<Poll>> HandleAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        return await db.Polls.AsNoTracking().Include(p => p.Options)
            .Where(p => p.SiteId == site.Id)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Poll?> FindAsync(int pollId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        return await db.Polls.AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.Id == pollId && p.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
    }
}
