using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>Sends the working copy to the approvers (Chờ duyệt). Readers see nothing of it.</summary>
public sealed class SubmitArticle(ArticleTransitions transitions)
{
    public sealed record Command(int ArticleId);

    public Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var submitter = transitions.Actor.UserId;
        return transitions.ApplyAsync(command.ArticleId, WorkflowAction.Submit, AuditActions.ArticleSubmitted, a => a.SubmittedById = submitter, cancellationToken);
    }
}
