using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom;

/// <summary>What the workflow needs to know of an article to decide who may act on it.</summary>
public sealed record WorkflowSubject(ArticleStatus Status, ReviewState Review, bool InBin, int? OwnerId, int? SubmittedById)
{
    public static WorkflowSubject Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Status, article.Review, article.DeletedAt is not null, article.OwnerId, article.SubmittedById);
    }
}
