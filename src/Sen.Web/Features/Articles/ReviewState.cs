namespace Sen.Web.Features.Articles;

/// <summary>Where an article's working copy is in the newsroom (docs/NEWSROOM.md); readers never see it.</summary>
public enum ReviewState
{
    /// <summary>The working copy is the published copy (or the article was never edited in the newsroom).</summary>
    None = 0,
    Draft = 1,
    Submitted = 2,
    Returned = 3,
}
