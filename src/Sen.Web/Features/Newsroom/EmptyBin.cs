using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>Deletes for good every article in the current site's bin (administrators only), with their revisions.</summary>
public sealed class EmptyBin(ArticleTransitions transitions, AuditLog audit)
{
    /// <summary>The audit action of a deletion for good; the article's id stays in the log.</summary>
    public const string AuditAction = "article.purge";

    public sealed record Command;

    public sealed record Result(NewsroomResult Outcome, int Deleted);

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decision = transitions.Decide(null, WorkflowAction.EmptyBin);
        if (!decision.Allowed)
        {
            return new(NewsroomResult.Forbidden(decision.ReasonKey!), 0);
        }

        var siteId = await transitions.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var binned = await transitions.Db.Articles.Where(a => a.SiteId == siteId && a.DeletedAt != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var article in binned)
        {
            transitions.Db.Articles.Remove(article);
            audit.Record(AuditAction, "Article", article.Id.ToString(CultureInfo.InvariantCulture), article.Title, transitions.Db.Entry(article), siteId);
        }

        return await transitions.TryCommitAsync(cancellationToken).ConfigureAwait(false)
            ? new(new NewsroomResult(NewsroomOutcome.Done), binned.Count)
            : new(new NewsroomResult(NewsroomOutcome.Conflict, "Newsroom.Article.Conflict"), 0);
    }
}
