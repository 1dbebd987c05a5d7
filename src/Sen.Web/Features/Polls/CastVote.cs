using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>
/// Counts one reader's ballot in a poll of the current site. Every check comes before anything is
/// written; the counts then change in one transaction of atomic UPDATEs (<c>SET n = n + 1</c>), so they
/// are exact however many votes arrive at once. Knows nothing of HTTP: the vote page, its script and
/// an API pass whether this reader already voted (their cookie) and get an outcome to answer with.
/// </summary>
public sealed class CastVote(SenDbContext db, SiteContext siteContext, TimeProvider clock, PublicCache cache)
{
    public const int MaxChoices = PollFields.MaxOptions;

    /// <param name="PollId">The poll, as the URL names it.</param>
    /// <param name="OptionIds">The chosen options, as sent (unparsed values are the caller's 400).</param>
    /// <param name="AlreadyVoted">This reader voted in this poll before (their signed cookie says so).</param>
    public sealed record Command(int PollId, IReadOnlyList<int> OptionIds, bool AlreadyVoted);

    public enum Outcome
    {
        Counted,

        /// <summary>No such poll on this site, or a draft: 404.</summary>
        PollNotFound,

        /// <summary>Closed, not yet open or past its closing time: 409.</summary>
        PollClosed,

        /// <summary>No option chosen: 400.</summary>
        NoChoice,

        /// <summary>Several options in a single-choice poll, the same option twice, or an option of another poll: 400.</summary>
        BadChoice,

        /// <summary>This reader already voted: 409.</summary>
        AlreadyVoted,
    }

    public sealed record Result(Outcome Outcome, PollResults? Results)
    {
        public int StatusCode => Outcome switch
        {
            Outcome.Counted => StatusCodes.Status200OK,
            Outcome.PollNotFound => StatusCodes.Status404NotFound,
            Outcome.PollClosed or Outcome.AlreadyVoted => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };

        /// <summary>The strings.tsv key of what the reader is told.</summary>
        public string MessageKey => "Poll.Vote." + Outcome;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        var poll = await db.Polls.AsNoTracking().Include(p => p.Options)
            .FirstOrDefaultAsync(p => p.Id == command.PollId && p.SiteId == site.Id && p.Status != PollStatus.Draft, cancellationToken).ConfigureAwait(false);
        if (poll is null)
        {
            return new Result(Outcome.PollNotFound, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var results = ReadPolls.ToResults(poll, now);
        if (!poll.AcceptsVotesAt(now))
        {
            return new Result(Outcome.PollClosed, results);
        }

        var chosen = command.OptionIds;
        if (chosen.Count == 0)
        {
            return new Result(Outcome.NoChoice, results);
        }

        var optionIds = poll.Options.Select(o => o.Id).ToHashSet();
        if ((poll.Kind == PollKind.SingleChoice && chosen.Count > 1)
            || chosen.Count > MaxChoices
            || chosen.Distinct().Count() != chosen.Count
            || !chosen.All(optionIds.Contains))
        {
            return new Result(Outcome.BadChoice, results);
        }

        if (command.AlreadyVoted)
        {
            return new Result(Outcome.AlreadyVoted, results);
        }

        if (!await CountAsync(poll.Id, chosen, now, cancellationToken).ConfigureAwait(false))
        {
            // Closed between the check and the count.
            return new Result(Outcome.PollClosed, results);
        }

        await cache.EvictAsync([PollCacheTags.Poll(poll.Id), PollCacheTags.List], cancellationToken).ConfigureAwait(false);
        var counted = await db.Polls.AsNoTracking().Include(p => p.Options).FirstAsync(p => p.Id == poll.Id, cancellationToken).ConfigureAwait(false);
        return new Result(Outcome.Counted, ReadPolls.ToResults(counted, now));
    }

    private async Task<bool> CountAsync(int pollId, IReadOnlyList<int> chosen, DateTime now, CancellationToken cancellationToken)
    {
        var ids = chosen.ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The WHERE repeats the open check, so a poll closed meanwhile counts nothing.
                var ballots = await db.Polls
                    .Where(p => p.Id == pollId && p.Status == PollStatus.Open && (p.OpensAt == null || p.OpensAt <= now) && (p.ClosesAt == null || p.ClosesAt > now))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.BallotCount, p => p.BallotCount + 1), ct).ConfigureAwait(false);
                if (ballots != 1)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    return false;
                }

                var votes = await db.PollOptions
                    .Where(o => o.PollId == pollId && ids.Contains(o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.VoteCount, o => o.VoteCount + 1), ct).ConfigureAwait(false);
                if (votes != ids.Count)
                {
                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    return false;
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return true;
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The output-cache tags of poll pages.</summary>
public static class PollCacheTags
{
    /// <summary>The poll listing /tham-do.</summary>
    public const string List = "polls";

    /// <summary>A poll's results page.</summary>
    public static string Poll(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"poll:{id}");
}
