using System.Collections.Frozen;
using Sen.Web.Text;

namespace Sen.Web.Features.Categories;

/// <summary>
/// A category's slug is the first segment of its URL, so it must not be one the app itself answers
/// (<c>/tim-kiem</c>, <c>/admin</c>, the static file folders, ...). A test walks the app's endpoints
/// and fails when a route's first segment is missing here.
/// </summary>
public static class CategorySlugs
{
    public static readonly FrozenSet<string> Reserved = new[]
    {
        // Pages and endpoints, today's and those the newsroom, documents, polls, feeds and operations bring.
        "admin", "api", "tim-kiem", "loi", "tham-do", "van-ban", "rss", "sitemap", "robots", "feed",
        "openapi", "tai-lieu-api", "healthz", "readyz", "metrics", "tai-khoan", "dang-nhap", "dang-xuat", "media", "uploads",

        // Static files (wwwroot folders).
        "css", "js", "img", "lib", "fonts", "favicon",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="slug"/> can name a category; else the key of the message that says why not.</summary>
    public static string? Problem(string? slug) =>
        !Slug.IsWellFormed(slug) ? "Category.Slug.Invalid"
        : Reserved.Contains(slug!) ? "Category.Slug.Reserved"
        : null;

    /// <summary>A usable slug for a category named <paramref name="name"/> (importers, where nobody can be asked).</summary>
    public static string ForName(string name)
    {
        var slug = Slug.From(name, Slug.MaxLength - 12);
        return slug.Length == 0 ? "chuyen-muc"
            : Reserved.Contains(slug) ? slug + "-chuyen-muc"
            : slug;
    }
}
