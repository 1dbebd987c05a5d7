using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>A poll as readers see it: question, options with counts and percentages.</summary>
public sealed record PollResults(
    int Id,
    string Question,
    PollKind Kind,
    PollStatus Status,
    DateTime? OpensAt,
    DateTime? ClosesAt,
    int Ballots,
    bool AcceptsVotes,
    IReadOnlyList<PollResults.Choice> Options)
{
    /// <summary>
    /// One option. Percent is of the ballots, rounded to one decimal; with multiple choice a ballot
    /// names several options, so the percentages can add up to more than 100.
    /// </summary>
    public sealed record Choice(int Id, string Text, int Votes, double Percent);

    public string ResultsUrl => PollUrls.Results(Id);

    /// <summary>The strings.tsv key of the poll's state as readers are told it.</summary>
    public string StateKey => AcceptsVotes ? "Poll.State.Open" : Status == PollStatus.Closed ? "Poll.State.Closed" : "Poll.State.NotAccepting";

    public string VoteUrl => PollUrls.Vote(Id);
}

public static class PollUrls
{
    public const string List = "/tham-do";

    public static string Results(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/tham-do/{id}");

    public static string Vote(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/tham-do/{id}/binh-chon");
}

/// <summary>Reads polls of the current site for readers (never drafts).</summary>
public sealed class ReadPolls(SenDbContext db, SiteContext siteContext, TimeProvider clock)
{
    /// <summary>A public poll's results; null when there is no such poll on this site or it is a draft.</summary>
    public async Task<PollResults?> ResultsAsync(int pollId, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var poll = await db.Polls.AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.Id == pollId && p.SiteId == site.Id && p.Status != PollStatus.Draft, cancellationToken).ConfigureAwait(false);
        return poll is null ? null : ToResults(poll, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The poll the sidebar shows: of those taking votes now, the one opened (or, without an opening time, made) last; null when none is.</summary>
    public async Task<PollResults?> CurrentAsync(int siteId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var poll = await db.Polls.AsNoTracking().Include(p => p.Options)
            .Where(p => p.SiteId == siteId && p.Status == PollStatus.Open && (p.OpensAt == null || p.OpensAt <= now) && (p.ClosesAt == null || p.ClosesAt > now))
            .OrderByDescending(p => p.OpensAt ?? p.CreatedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return poll is null ? null : ToResults(poll, now);
    }

    /// <summary>The site's public polls, newest first.</summary>
    public async Task<IReadOnlyList<PollResults>> ListAsync(CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var polls = await db.Polls.AsNoTracking().Include(p => p.Options)
            .Where(p => p.SiteId == site.Id && p.Status != PollStatus.Draft)
            .OrderByDescending(p => p.Id)
            .Take(100)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. polls.Select(p => ToResults(p, now))];
    }

    public static PollResults ToResults(Poll poll, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(poll);
        var ballots = poll.BallotCount;
        return new PollResults(
            poll.Id,
            poll.Question,
            poll.Kind,
            poll.Status,
            poll.OpensAt,
            poll.ClosesAt,
            ballots,
            poll.AcceptsVotesAt(now),
            [.. poll.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
                .Select(o => new PollResults.Choice(o.Id, o.Text, o.VoteCount, ballots == 0 ? 0 : Math.Round(100.0 * o.VoteCount / ballots, 1)))]);
    }
}
