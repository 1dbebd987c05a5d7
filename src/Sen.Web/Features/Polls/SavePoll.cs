using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

/// <summary>
/// Adds a poll (a draft) to the current site, or changes one. Once a poll has votes its options are
/// fixed, so no count ever moves to another answer: only the question, kind and dates change.
/// </summary>
public sealed class SavePoll(SenDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock)
{
    /// <summary>PollId: null for a new poll.</summary>
    public sealed record Command(int? PollId, PollFields Fields);

    public sealed record Result(SaveResult Outcome, IReadOnlyList<string> ProblemKeys, int? PollId = null)
    {
        public bool Saved => Outcome == SaveResult.Saved && ProblemKeys.Count == 0;
    }

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var site = await siteContext.GetAsync(cancellationToken).ConfigureAwait(false);
        Poll? poll = null;
        if (command.PollId is int id)
        {
            poll = await db.Polls.Include(p => p.Options).FirstOrDefaultAsync(p => p.Id == id && p.SiteId == site.Id, cancellationToken).ConfigureAwait(false);
            if (poll is null)
            {
                return new Result(SaveResult.NotFound, []);
            }
        }

        var (fields, problems) = command.Fields.Check();
        if (fields is null)
        {
            return new Result(SaveResult.Saved, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (poll is null)
        {
            poll = new Poll
            {
                SiteId = site.Id,
                Question = fields.Question,
                Kind = fields.Kind,
                Status = PollStatus.Draft,
                OpensAt = fields.OpensAt,
                ClosesAt = fields.ClosesAt,
                CreatedAt = now,
                UpdatedAt = now,
                Options = [.. fields.Options.Select((text, i) => new PollOption { Text = text, SortOrder = i + 1 })],
            };
            db.Polls.Add(poll);
            var changes = AuditLog.ChangesOf(db.Entry(poll));
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                audit.Record(AuditActions.PollCreated, nameof(Poll), poll.Id.ToString(CultureInfo.InvariantCulture), poll.Question, siteId: site.Id).Changes = changes;
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Result(SaveResult.Saved, [], poll.Id);
        }

        var current = poll.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToList();
        var optionsChanged = !current.Select(o => o.Text).SequenceEqual(fields.Options, StringComparer.Ordinal);
        if (optionsChanged && poll.BallotCount > 0)
        {
            return new Result(SaveResult.Saved, ["Poll.Options.Locked"]);
        }

        poll.Question = fields.Question;
        poll.Kind = fields.Kind;
        poll.OpensAt = fields.OpensAt;
        poll.ClosesAt = fields.ClosesAt;
        if (optionsChanged)
        {
            poll.Options.Clear();
            db.PollOptions.RemoveRange(current);
            poll.Options.AddRange(fields.Options.Select((text, i) => new PollOption { Text = text, SortOrder = i + 1 }));
        }

        var entry = db.Entry(poll);
        entry.DetectChanges();
        if (entry.State == EntityState.Modified || optionsChanged)
        {
            poll.UpdatedAt = now;
            var summary = optionsChanged ? poll.Question + " — " + string.Join(" | ", fields.Options) : poll.Question;
            audit.Record(AuditActions.PollChanged, nameof(Poll), poll.Id.ToString(CultureInfo.InvariantCulture), summary, entry, site.Id);

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Result(SaveResult.Saved, [], poll.Id);
    }
}
