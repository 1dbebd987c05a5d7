namespace Sen.Web.Features.Articles;

/// <summary>What readers see of an article; only Published reaches them. The working copy's state is <see cref="ReviewState"/>.</summary>
public enum ArticleStatus
{
    /// <summary>Never published.</summary>
    Draft = 0,
    Published = 3,
    Unpublished = 4,
}
