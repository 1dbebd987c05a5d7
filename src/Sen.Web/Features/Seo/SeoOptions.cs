using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Seo;

/// <summary>The "Seo" section (docs/SEO.md).</summary>
public sealed class SeoOptions
{
    public const string Section = "Seo";

    /// <summary>Articles per sitemap part; the protocol allows at most 50,000 URLs in one file.</summary>
    [Range(1, 50_000)]
    public int SitemapPartSize { get; set; } = 50_000;

    /// <summary>How far back the Google News sitemap reaches; Google reads the last two days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan NewsWindow { get; set; } = TimeSpan.FromHours(48);
}
