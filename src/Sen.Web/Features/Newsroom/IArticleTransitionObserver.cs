namespace Sen.Web.Features.Newsroom;

/// <summary>
/// Told of every recorded step just before <see cref="ArticleTransitions.TryCommitAsync"/> saves it, on the same
/// DbContext: whatever an observer adds commits with the step or not at all (an outbox), so nothing is told of a
/// step that did not happen. Observers must not save themselves.
/// </summary>
public interface IArticleTransitionObserver
{
    Task OnTransitionAsync(ArticleTransition transition, CancellationToken cancellationToken);
}
