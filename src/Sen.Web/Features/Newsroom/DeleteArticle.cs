using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Moves an article to the bin. A public article is also taken down (Unpublished), so restoring it
/// later never puts it back in front of readers without an approver publishing it again.
/// </summary>
public sealed class DeleteArticle(ArticleTransitions transitions)
{
    public sealed record Command(int ArticleId);

    public Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = transitions.Now;
        return transitions.ApplyAsync(command.ArticleId, WorkflowAction.Delete, AuditActions.ArticleDeleted, a => a.DeletedAt = now, cancellationToken);
    }
}
