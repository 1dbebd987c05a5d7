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

    // Elements whose content is never text for readers: removed with everything inside. Any other element
    // that is not allowed (div, font, h1, o:p from Word) gives way to its content, so no words are lost.
    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "title", "head", "meta", "link", "base", "textarea", "select", "option", "button", "input", "form", "xml", "xmp", "plaintext", "noembed", "noframes",
    };

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

            // Editors' and Word's classes (ql-*, MsoNormal) mean nothing to the public site's stylesheet.
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal) { "caption" },
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DropWithContent.Contains(e.Tag.LocalName))
            {
                e.Tag.InnerHtml = "";
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            // An image whose address was unsafe (javascript:, data:, a Word clip's file:) shows nothing: it goes.
            foreach (var image in e.Document.QuerySelectorAll("img:not([src])").ToList())
            {
                image.Remove();
            }

            // Sizes belong to images; on tables and cells (Word sets them) they fight the responsive layout.
            foreach (var sized in e.Document.QuerySelectorAll("[width]:not(img), [height]:not(img)").ToList())
            {
                sized.RemoveAttribute("width");
                sized.RemoveAttribute("height");
            }
        };
        return sanitizer;
    }
}
