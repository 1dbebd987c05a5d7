using System.Globalization;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Approves the working copy: copies it into the article readers see and publishes it, now or at a later
/// time (scheduled: public from then on, see <see cref="PublicationSchedule"/>). Only this changes the
/// published copy; the save evicts the pages that show it.
/// </summary>
public sealed class PublishArticle(ArticleTransitions transitions)
{
    /// <summary>
    /// <paramref name="Revision"/>: the revision the approver reviewed; if someone saved a newer one since,
    /// nothing is published (Conflict). <paramref name="PublishAt"/> (UTC) overrides the time the writer asked for.
    /// </summary>
    public sealed record Command(int ArticleId, int? Revision = null, DateTime? PublishAt = null);

    public async Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var article = await transitions.FindAsync(command.ArticleId, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return NewsroomResult.NotFound;
        }

        var decision = transitions.Decide(article, WorkflowAction.Publish);
        if (!decision.Allowed)
        {
            return NewsroomResult.Forbidden(decision.ReasonKey!);
        }

        if (command.Revision is int reviewed && reviewed != article.LatestRevision)
        {
            return new NewsroomResult(NewsroomOutcome.Conflict, "Newsroom.Publish.NewerRevision", article.Id, article.LatestRevision);
        }

        var (fields, _) = await transitions.WorkingCopyAsync(article, cancellationToken).ConfigureAwait(false);
        var everPublished = article.Status != ArticleStatus.Draft;
        fields.CopyTo(article);
        ArticleTransitions.Enter(article, decision.Transition!);
        var requested = command.PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : fields.PublishAt;

        // Approving an edit keeps the date readers know the article by, unless a time is asked for.
        article.PublishedAt = requested ?? (everPublished ? article.PublishedAt : null) ?? transitions.Now;
        article.PublishedRevision = article.LatestRevision == 0 ? null : article.LatestRevision;
        article.SubmittedById = null;
        article.ReviewComment = null;
        transitions.Record(WorkflowAction.Publish, AuditActions.ArticlePublished, article, string.Create(CultureInfo.InvariantCulture, $"#{article.LatestRevision} {article.PublishedAt:O}: {article.Title}"));
        return await transitions.TryCommitAsync(cancellationToken).ConfigureAwait(false)
            ? NewsroomResult.Done(article.Id, article.LatestRevision)
            : new NewsroomResult(NewsroomOutcome.Conflict, "Newsroom.Article.Conflict", command.ArticleId);
    }
}
