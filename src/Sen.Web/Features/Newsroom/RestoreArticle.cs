using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>Takes an article out of the bin, in the state it was binned in (a public one comes back taken down).</summary>
public sealed class RestoreArticle(ArticleTransitions transitions)
{
    public sealed record Command(int ArticleId);

    public Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return transitions.ApplyAsync(command.ArticleId, WorkflowAction.Restore, AuditActions.ArticleRestored, a => a.DeletedAt = null, cancellationToken);
    }
}
