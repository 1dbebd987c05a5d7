namespace Sen.Web.Features.ViewCounts;

/// <summary>Views of one article on one day (Vietnam time), for the newsroom's statistics.</summary>
public sealed class ArticleViewsDaily
{
    public int ArticleId { get; set; }

    public DateOnly Day { get; set; }

    public long Views { get; set; }
}
