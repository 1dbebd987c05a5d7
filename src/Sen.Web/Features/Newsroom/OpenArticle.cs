using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Loads an article of the current site for a newsroom page: approvers and administrators open any,
/// writers only their own. What they may then do with it is still the workflow's to say.
/// </summary>
public sealed class OpenArticle(ArticleTransitions transitions)
{
    public sealed record Opened(Article Article, ArticleFields WorkingCopy, ArticleRevision? Revision);

    /// <summary>The article and its working copy, or the refusal (NotFound, Forbidden with the reason).</summary>
    public async Task<(Opened? Opened, NewsroomResult? Refusal)> HandleAsync(int articleId, CancellationToken cancellationToken)
    {
        var actor = transitions.Actor;
        if (!SenRoles.All.Any(actor.IsIn))
        {
            return (null, NewsroomResult.Forbidden("Workflow.NotInNewsroom"));
        }

        var article = await transitions.FindAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return (null, NewsroomResult.NotFound);
        }

        if (!MayOpen(actor, article.OwnerId))
        {
            return (null, NewsroomResult.Forbidden("Workflow.NotOwner"));
        }

        var (fields, revision) = await transitions.WorkingCopyAsync(article, cancellationToken).ConfigureAwait(false);
        return (new Opened(article, fields, revision), null);
    }

    /// <summary>Writers see only their own articles in the newsroom; approvers and administrators see all.</summary>
    public static bool MayOpen(Actor actor, int? ownerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsIn(SenRoles.Admin) || actor.IsIn(SenRoles.Approver) || (actor.UserId is int id && ownerId == id);
    }

    /// <summary>What the workflow lets the current user do to <paramref name="article"/>.</summary>
    public WorkflowDecision Can(Article article, WorkflowAction action) => transitions.Decide(article, action);
}
