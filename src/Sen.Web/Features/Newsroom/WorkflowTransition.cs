using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// One row of the workflow table: in which states an action may be taken, what state it leads to (null:
/// unchanged), and who may take it. <see cref="WritersOwnOnly"/>: a writer only on an article they created.
/// </summary>
public sealed record WorkflowTransition(
    WorkflowAction Action,
    IReadOnlySet<ReviewState> FromReview,
    IReadOnlySet<ArticleStatus> FromStatus,
    bool InBin,
    ReviewState? ToReview,
    ArticleStatus? ToStatus,
    IReadOnlySet<string> Roles,
    bool WritersOwnOnly = false)
{
    public bool Matches(WorkflowSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.InBin == InBin && FromReview.Contains(subject.Review) && FromStatus.Contains(subject.Status);
    }
}
