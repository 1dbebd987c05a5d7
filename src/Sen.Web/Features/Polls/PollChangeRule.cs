using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>
/// The current poll is in the side column of every page, so a newsroom change to any poll (question,
/// options, dates, opening, closing) evicts every page. Votes do not pass through here: they are atomic
/// UPDATEs, and <see cref="CastVote"/> evicts just the poll's results and the listing.
/// </summary>
internal sealed class PollChangeRule : ContentChangeRule<Poll>
{
    protected override void Saving(EntityEntry entry, Poll poll, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Evict(PublicCache.Tags.Chrome);
    }
}

/// <summary>Options are shown with their poll, in the side column.</summary>
internal sealed class PollOptionChangeRule : ContentChangeRule<PollOption>
{
    protected override void Saving(EntityEntry entry, PollOption option, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Evict(PublicCache.Tags.Chrome);
    }
}
