using System.Globalization;
using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Saves the editor's fields as a new revision, the working copy. Readers keep the published copy until
/// an approver publishes. A save that started from an older revision than the newest is refused with
/// both versions, so the editor can show them side by side and nothing typed is lost.
/// </summary>
public sealed class SaveArticle(ArticleTransitions transitions)
{
    /// <summary><paramref name="BaseRevision"/>: the revision number the editor loaded.</summary>
    public sealed record Command(int ArticleId, int BaseRevision, ArticleFields Fields);

    public Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return SaveAsync(command, note: null, restoredFrom: null, cancellationToken);
    }

    internal async Task<NewsroomResult> SaveAsync(Command command, string? note, int? restoredFrom, CancellationToken cancellationToken)
    {
        var article = await transitions.FindAsync(command.ArticleId, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return NewsroomResult.NotFound;
        }

        var decision = transitions.Decide(article, WorkflowAction.Save);
        if (!decision.Allowed)
        {
            return NewsroomResult.Forbidden(decision.ReasonKey!);
        }

        var fields = command.Fields.Normalized();
        if (fields.Problem() is { } problem)
        {
            return NewsroomResult.Invalid(problem);
        }

        if (!await transitions.CategoryInSiteAsync(fields.CategoryId, article.SiteId, cancellationToken).ConfigureAwait(false))
        {
            return NewsroomResult.Invalid("Newsroom.Category.NotFound");
        }

        if (command.BaseRevision != article.LatestRevision)
        {
            return await ConflictAsync(command.ArticleId, command.BaseRevision, fields, cancellationToken).ConfigureAwait(false);
        }

        var revision = transitions.AddRevision(article, fields, note, restoredFrom);
        article.Review = decision.Transition!.ToReview ?? article.Review;
        transitions.Record(WorkflowAction.Save, AuditActions.ArticleSaved, article, string.Create(CultureInfo.InvariantCulture, $"#{revision.Number}: {fields.Title}"));
        if (!await transitions.TryCommitAsync(cancellationToken).ConfigureAwait(false))
        {
            return await ConflictAsync(command.ArticleId, command.BaseRevision, fields, cancellationToken).ConfigureAwait(false);
        }

        return NewsroomResult.Done(article.Id, revision.Number);
    }

    private async Task<NewsroomResult> ConflictAsync(int articleId, int baseRevision, ArticleFields yours, CancellationToken cancellationToken)
    {
        var article = await transitions.FindAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return NewsroomResult.NotFound;
        }

        var (theirs, revision) = await transitions.WorkingCopyAsync(article, cancellationToken).ConfigureAwait(false);
        return NewsroomResult.Conflicted(new RevisionConflict(articleId, baseRevision, article.LatestRevision, revision?.SavedByName, theirs, yours));
    }
}
