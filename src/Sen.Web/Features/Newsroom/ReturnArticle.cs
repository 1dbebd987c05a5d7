using Sen.Web.Features.Audit;

namespace Sen.Web.Features.Newsroom;

/// <summary>An approver sends a submission back to its writer (Trả lại) with a comment saying what to change.</summary>
public sealed class ReturnArticle(ArticleTransitions transitions)
{
    public const int MaxCommentLength = 2000;

    public sealed record Command(int ArticleId, string Comment);

    public Task<NewsroomResult> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var comment = (command.Comment ?? "").Trim();
        var problem = comment.Length == 0 ? "Newsroom.Return.CommentRequired"
            : comment.Length > MaxCommentLength ? "Newsroom.Return.CommentTooLong"
            : null;
        return transitions.ApplyAsync(command.ArticleId, WorkflowAction.Return, AuditActions.ArticleReturned, a =>
        {
            a.ReviewComment = comment;
            a.SubmittedById = null;
        }, cancellationToken, problem);
    }
}
