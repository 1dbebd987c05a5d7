using Microsoft.Extensions.Localization;
using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>An article's state as the newsroom names it: the working copy's review state and what readers see.</summary>
public static class ArticleStateLabels
{
    /// <summary>The strings.tsv keys, working copy first ("Chờ duyệt", then "Đã xuất bản" when an older copy is public).</summary>
    public static IReadOnlyList<string> Keys(ArticleStatus status, ReviewState review, DateTime? publishedAt, bool inBin, DateTime now)
    {
        var keys = new List<string>();
        if (inBin)
        {
            keys.Add("Newsroom.State.InBin");
        }

        if (review is ReviewState.Draft or ReviewState.Submitted or ReviewState.Returned)
        {
            keys.Add("Newsroom.State." + review);
        }

        keys.Add(status switch
        {
            ArticleStatus.Published when publishedAt > now => "Newsroom.State.Scheduled",
            ArticleStatus.Published => "Newsroom.State.Published",
            ArticleStatus.Unpublished => "Newsroom.State.Unpublished",
            _ when keys.Count == 0 || (keys.Count == 1 && inBin) => "Newsroom.State.Draft",
            _ => "",
        });
        return [.. keys.Where(k => k.Length > 0).Distinct()];
    }

    public static string Describe(IStringLocalizer localizer, Article article, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(article);
        return Describe(localizer, Keys(article.Status, article.Review, article.PublishedAt, article.DeletedAt is not null, now));
    }

    public static string Describe(IStringLocalizer localizer, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return string.Join(", ", keys.Select(k => localizer[k].Value));
    }
}
