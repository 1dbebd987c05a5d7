using Ganss.Xss;

namespace Sen.Web.Features.Articles;

/// <summary>The one gate article HTML passes before it is stored: a strict allow-list sanitizer.</summary>
public static class ArticleHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(Text.VietnameseText.Nfc(html)!);

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote", "q", "cite",
                "h2", "h3", "h4", "ul", "ol", "li", "a", "figure", "figcaption", "img", "table", "thead",
                "tbody", "tfoot", "tr", "th", "td", "caption", "hr", "span", "abbr", "time",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "class", "value", "width", "height", "colspan", "rowspan", "scope", "start", "datetime", "lang",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        return new HtmlSanitizer(options);
    }
}
