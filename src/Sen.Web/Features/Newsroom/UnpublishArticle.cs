using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>Takes a published article off the public site (Gỡ bài); its working copy stays as it is.</summary>
public sealed class UnpublishArticle(ArticleTransitions transitions)
{
    public sealed record Command(int ArticleId);

    public Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return transitions.ApplyAsync(command.ArticleId, WorkflowAction.Unpublish, AuditActions.ArticleUnpublished, null, cancellationToken);
    }
}
