namespace Sen.Web.Features.Articles;

/// <summary>Where an article is in the newsroom; only Published reaches readers.</summary>
public enum ArticleStatus
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
    Published = 3,
    Unpublished = 4,
}
