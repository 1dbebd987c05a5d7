using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Who may do what to an article, and what state it leads to: the workflow of docs/NEWSROOM.md as a
/// table. Handlers, pages and the authorization tests all ask <see cref="Can"/>; nothing else decides.
/// </summary>
public static class ArticleWorkflow
{
    private static readonly IReadOnlySet<string> Everyone = new HashSet<string>(SenRoles.All, StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> Approvers = new HashSet<string>([SenRoles.Approver, SenRoles.Admin], StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> Admins = new HashSet<string>([SenRoles.Admin], StringComparer.Ordinal);

    private static readonly IReadOnlySet<ReviewState> AnyReview = new HashSet<ReviewState>(Enum.GetValues<ReviewState>());
    private static readonly IReadOnlySet<ArticleStatus> AnyStatus = new HashSet<ArticleStatus>(Enum.GetValues<ArticleStatus>());

    /// <summary>The table; for each action the rows' states do not overlap, so at most one row applies.</summary>
    public static readonly IReadOnlyList<WorkflowTransition> Transitions =
    [
        new(WorkflowAction.Create, Set<ReviewState>(), Set<ArticleStatus>(), false, ReviewState.Draft, ArticleStatus.Draft, Everyone),

        // Writers edit only their own drafts and returned articles; approvers edit any, and editing a
        // published (or taken-down) article starts a new draft over it while readers keep the approved copy.
        new(WorkflowAction.Save, Set(ReviewState.Draft, ReviewState.Returned), AnyStatus, false, null, null, Everyone, WritersOwnOnly: true),
        new(WorkflowAction.Save, Set(ReviewState.Submitted), AnyStatus, false, null, null, Approvers),
        new(WorkflowAction.Save, Set(ReviewState.None), AnyStatus, false, ReviewState.Draft, null, Approvers),

        new(WorkflowAction.Submit, Set(ReviewState.Draft, ReviewState.Returned), AnyStatus, false, ReviewState.Submitted, null, Everyone, WritersOwnOnly: true),
        new(WorkflowAction.Submit, Set(ReviewState.None), Set(ArticleStatus.Unpublished), false, ReviewState.Submitted, null, Everyone, WritersOwnOnly: true),

        new(WorkflowAction.Return, Set(ReviewState.Submitted), AnyStatus, false, ReviewState.Returned, null, Approvers),

        // Approving copies the working copy into the published one; with nothing pending it publishes the
        // approved copy again (after taking it down) or moves its publication time.
        new(WorkflowAction.Publish, Set(ReviewState.Draft, ReviewState.Submitted, ReviewState.Returned), AnyStatus, false, ReviewState.None, ArticleStatus.Published, Approvers),
        new(WorkflowAction.Publish, Set(ReviewState.None), AnyStatus, false, ReviewState.None, ArticleStatus.Published, Approvers),

        new(WorkflowAction.Unpublish, AnyReview, Set(ArticleStatus.Published), false, null, ArticleStatus.Unpublished, Approvers),

        // A writer may bin their own article while it has never been public; a public one is taken down on the way.
        new(WorkflowAction.Delete, AnyReview, Set(ArticleStatus.Draft), false, null, null, Everyone, WritersOwnOnly: true),
        new(WorkflowAction.Delete, AnyReview, Set(ArticleStatus.Published, ArticleStatus.Unpublished), false, null, ArticleStatus.Unpublished, Approvers),

        new(WorkflowAction.Restore, AnyReview, AnyStatus, true, null, null, Admins),
        new(WorkflowAction.EmptyBin, AnyReview, AnyStatus, true, null, null, Admins),
    ];

    /// <summary>
    /// May <paramref name="actor"/> take <paramref name="action"/> on the article in <paramref name="subject"/>?
    /// Create and EmptyBin concern no single article: pass null.
    /// </summary>
    public static WorkflowDecision Can(Actor actor, WorkflowSubject? subject, WorkflowAction action, bool allowSelfApproval = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!SenRoles.All.Any(actor.IsIn))
        {
            return WorkflowDecision.Deny("Workflow.NotInNewsroom");
        }

        var rows = Transitions.Where(t => t.Action == action).ToList();
        var row = action is WorkflowAction.Create or WorkflowAction.EmptyBin
            ? rows[0]
            : subject is null ? null : rows.FirstOrDefault(t => t.Matches(subject));
        if (row is null)
        {
            return WorkflowDecision.Deny(subject?.InBin == true ? "Workflow.InBin" : "Workflow.NotInThisState");
        }

        var roles = row.Roles.Where(actor.IsIn).ToList();
        if (roles.Count == 0)
        {
            return WorkflowDecision.Deny("Workflow.RoleMissing");
        }

        var onlyAsWriter = roles.All(r => r == SenRoles.Writer);
        if (onlyAsWriter && row.WritersOwnOnly && (actor.UserId is null || subject?.OwnerId != actor.UserId))
        {
            return WorkflowDecision.Deny("Workflow.NotOwner");
        }

        if (action == WorkflowAction.Publish && subject is not null && subject.Review != ReviewState.None && !allowSelfApproval
            && actor.UserId is int id && (subject.OwnerId == id || subject.SubmittedById == id))
        {
            return WorkflowDecision.Deny("Workflow.SelfApproval");
        }

        return WorkflowDecision.Allow(row);
    }

    private static HashSet<T> Set<T>(params T[] values) => [.. values];
}
