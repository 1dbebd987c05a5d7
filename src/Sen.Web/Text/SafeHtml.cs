using Ganss.Xss;

namespace Sen.Web.Text;

/// <summary>
/// The one gate stored HTML passes: a strict allow-list sanitizer. <see cref="Infrastructure.Data.SenDbContext"/>
/// runs it on every save of a property marked <see cref="Infrastructure.Data.SanitizedHtmlAttribute"/>, so no
/// writer through EF can store anything else; writers that bypass EF call it themselves.
/// </summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(VietnameseText.Nfc(html)!);

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
