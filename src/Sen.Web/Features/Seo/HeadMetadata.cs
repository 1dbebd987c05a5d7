using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Http;
using Sen.Web.Text;

namespace Sen.Web.Features.Seo;

/// <summary>
/// What the layout writes into a public page's head for search engines and sharing: absolute links and
/// schema.org JSON-LD. Everything comes from the page and the public base URL, never from the reader, so
/// cached pages stay the same for everyone.
/// </summary>
public sealed class HeadMetadata(PublicBaseUrl baseUrl, SiteContext siteContext)
{
    /// <summary>The site's emblem, the publisher's logo when nothing better is configured.</summary>
    public const string LogoPath = "/img/emblem.svg";

    // application/ld+json is data inside a script element: "<", ">" and "&" are always written as \u003C ...,
    // so no text of an article can close the element; Vietnamese letters stay letters.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string Absolute(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        return baseUrl.Absolute(context.Request, path);
    }

    /// <summary>A schema.org BreadcrumbList from the home page down the trail, ending at the page itself when it is no category.</summary>
    public string Breadcrumbs(HttpContext context, IReadOnlyList<Breadcrumb> trail, string homeName, Breadcrumb? last = null)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var items = new JsonArray();
        var all = new List<Breadcrumb> { new(homeName, "/") };
        all.AddRange(trail);
        if (last is not null)
        {
            all.Add(last);
        }

        for (var i = 0; i < all.Count; i++)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = all[i].Name,
                ["item"] = Absolute(context, all[i].Url),
            });
        }

        return Write(new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = items,
        });
    }

    /// <summary>A schema.org NewsArticle: headline, dates, author, image and publisher, as Google asks for articles.</summary>
    public async Task<string> NewsArticleAsync(HttpContext context, ArticleView article)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(article);
        var site = await siteContext.GetAsync(context.RequestAborted).ConfigureAwait(false);
        var url = Absolute(context, article.Url);
        var publisher = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = site.Name,
            ["url"] = Absolute(context, "/"),
            ["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = Absolute(context, LogoPath) },
        };
        JsonNode author = string.IsNullOrWhiteSpace(article.AuthorName)
            ? new JsonObject { ["@type"] = "Organization", ["name"] = site.Name, ["url"] = Absolute(context, "/") }
            : new JsonObject { ["@type"] = "Person", ["name"] = article.AuthorName.Trim() };
        var image = Absolute(context, string.IsNullOrWhiteSpace(article.CoverImageUrl) ? LogoPath : article.CoverImageUrl);
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = article.Title.Length <= 110 ? article.Title : article.Title[..109] + "…",
            ["datePublished"] = VietnamTime.FormatIso(article.PublishedAt),
            ["dateModified"] = VietnamTime.FormatIso(article.ModifiedAt is { } m && m > article.PublishedAt ? m : article.PublishedAt),
            ["author"] = new JsonArray(author),
            ["image"] = new JsonArray(JsonValue.Create(image)),
            ["publisher"] = publisher,
            ["articleSection"] = article.CategoryName,
            ["inLanguage"] = "vi",
        };
        if (!string.IsNullOrWhiteSpace(article.Lead))
        {
            node["description"] = article.Lead;
        }

        return Write(node);
    }

    /// <summary>A schema.org WebSite for the home page.</summary>
    public string WebSite(HttpContext context, string name) => Write(new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "WebSite",
        ["name"] = name,
        ["url"] = Absolute(context, "/"),
        ["inLanguage"] = "vi",
    });

    private static string Write(JsonNode node) => node.ToJsonString(Json);
}
