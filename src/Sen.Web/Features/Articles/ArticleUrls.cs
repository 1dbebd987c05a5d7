using System.Globalization;
using System.Text.RegularExpressions;

namespace Sen.Web.Features.Articles;

/// <summary>Canonical article URLs: /{category-slug}/{article-slug}-{id}.html.</summary>
public static partial class ArticleUrls
{
    public static string Article(string categorySlug, string slug, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"/{categorySlug}/{slug}-{id}.html");

    /// <summary>Reads "{slug}-{id}.html"; false when the segment cannot name an article.</summary>
    public static bool TryParseSegment(string? segment, out string slug, out int id)
    {
        slug = "";
        id = 0;
        if (string.IsNullOrEmpty(segment) || segment.Length > 200)
        {
            return false;
        }

        var match = SegmentPattern().Match(segment);
        if (!match.Success || !int.TryParse(match.Groups["id"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
        {
            return false;
        }

        slug = match.Groups["slug"].Value;
        return true;
    }

    [GeneratedRegex(@"^(?:(?<slug>[^/]*)-)?(?<id>[0-9]{1,10})\.html$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SegmentPattern();
}
