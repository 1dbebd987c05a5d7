using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom;

/// <summary>
/// A step recorded on an article, as <see cref="IArticleTransitionObserver"/>s see it before the commit.
/// <paramref name="SubmittedById"/>: who had submitted the article before this step (steps like publishing clear it).
/// <paramref name="Comment"/>: the approver's comment when the article is returned.
/// </summary>
public sealed record ArticleTransition(Article Article, WorkflowAction Action, Actor Actor, int? SubmittedById, string? Comment);
