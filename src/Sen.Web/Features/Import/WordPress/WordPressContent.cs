using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>An image of a converted body: its src as the body has it, and what the body says about it.</summary>
public sealed record WordPressImage(string Src, string? AltText, string? Caption, long? AttachmentId);

/// <summary>A post body as HTML, its images, and the shortcodes that had no equivalent.</summary>
public sealed record WordPressBody(string Html, IReadOnlyList<WordPressImage> Images, IReadOnlyList<string> UnknownShortcodes);

/// <summary>
/// Turns post_content into the HTML an article stores, as WordPress's the_content would: block comments
/// (&lt;!-- wp:paragraph --&gt;) removed, paragraphs made from blank lines for classic-editor posts (wpautop),
/// [caption] and [gallery] as figures with captions, [embed], [video] and [audio] as links, other shortcodes
/// dropped with their inner text kept.
/// </summary>
public static partial class WordPressContent
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly HashSet<string> MediaUrlAttributes = ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "oga", "wav", "m4a", "wma", "url"];

    // Elements wpautop leaves alone (no <p> around them); text between them becomes paragraphs.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADDRESS", "ARTICLE", "ASIDE", "AUDIO", "BLOCKQUOTE", "DETAILS", "DIV", "DL", "FIELDSET", "FIGURE", "FOOTER", "FORM",
        "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "IFRAME", "MAIN", "MAP", "MATH", "NAV", "OBJECT", "OL", "P", "PRE",
        "SECTION", "SUMMARY", "TABLE", "UL", "VIDEO", "EMBED", "SCRIPT", "STYLE", "NOSCRIPT",
    };

    // Containers whose own text wpautop also splits into paragraphs.
    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "ARTICLE", "ASIDE", "BLOCKQUOTE", "DIV", "FOOTER", "HEADER", "MAIN", "SECTION",
    };

    public static WordPressBody Convert(string? content, long postId, WordPressAttachments attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var text = (content ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        // Block-editor posts are already HTML paragraphs; WordPress runs wpautop on classic posts only.
        var blocks = text.Contains("<!-- wp:", StringComparison.Ordinal);
        text = BlockComment().Replace(text, string.Empty);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        text = Shortcodes(text, postId, attachments, unknown);

        var document = new HtmlParser().ParseDocument(string.Empty);
        var body = document.Body!;
        body.InnerHtml = text;
        if (!blocks)
        {
            AutoParagraphs(body);
        }

        foreach (var empty in body.QuerySelectorAll("p").Where(p => p.ChildElementCount == 0 && string.IsNullOrWhiteSpace(p.TextContent)).ToList())
        {
            empty.Remove();
        }

        var images = body.QuerySelectorAll("img").Select(img => Image(img, attachments)).Where(i => i is not null).Select(i => i!).ToList();
        return new WordPressBody(body.InnerHtml.Trim(), images, unknown.ToList());
    }

    private static WordPressImage? Image(IElement img, WordPressAttachments attachments)
    {
        var src = img.GetAttribute("src");
        if (string.IsNullOrWhiteSpace(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        long? id = WpImageClass().Match(img.GetAttribute("class") ?? string.Empty) is { Success: true } m && long.TryParse(m.Groups[1].ValueSpan, out var parsed)
            ? parsed
            : attachments.FindByUrl(src)?.Id;
        var caption = img.Closest("figure")?.QuerySelector("figcaption")?.TextContent.Trim();
        var alt = img.GetAttribute("alt");
        return new WordPressImage(src, string.IsNullOrWhiteSpace(alt) ? null : alt.Trim(), string.IsNullOrEmpty(caption) ? null : caption, id);
    }

    private static string Shortcodes(string text, long postId, WordPressAttachments attachments, SortedSet<string> unknown)
    {
        var output = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = ShortcodeOpen().Match(text, position);
            if (!open.Success)
            {
                break;
            }

            output.Append(text, position, open.Index - position);
            var name = open.Groups["name"].Value;
            var attributes = Attributes(open.Groups["attrs"].Value);
            var closing = $"[/{name}]";
            var close = open.Groups["self"].Success ? -1 : text.IndexOf(closing, open.Index + open.Length, StringComparison.Ordinal);
            var known = name is "caption" or "wp_caption" or "gallery" or "embed" or "video" or "audio" or "playlist";
            if (!known && close < 0 && !string.IsNullOrWhiteSpace(open.Groups["attrs"].Value) && !open.Groups["attrs"].Value.Contains('=', StringComparison.Ordinal))
            {
                // "[tin liên quan]": words in brackets, not a shortcode.
                output.Append(open.Value);
                position = open.Index + open.Length;
                continue;
            }

            var inner = close < 0 ? string.Empty : text[(open.Index + open.Length)..close];
            position = close < 0 ? open.Index + open.Length : close + closing.Length;
            output.Append(name switch
            {
                "caption" or "wp_caption" => Caption(attributes, inner, postId, attachments, unknown),
                "gallery" => Gallery(attributes, postId, attachments),
                "embed" or "video" or "audio" or "playlist" => MediaLink(attributes, inner),
                _ => Unknown(name, inner, postId, attachments, unknown),
            });
        }

        output.Append(text, position, text.Length - position);
        return output.ToString();
    }

    private static string Unknown(string name, string inner, long postId, WordPressAttachments attachments, SortedSet<string> unknown)
    {
        unknown.Add(name);
        return Shortcodes(inner, postId, attachments, unknown);
    }

    private static string Caption(Dictionary<string, string> attributes, string inner, long postId, WordPressAttachments attachments, SortedSet<string> unknown)
    {
        var document = new HtmlParser().ParseDocument(string.Empty);
        var holder = document.Body!;
        holder.InnerHtml = Shortcodes(inner, postId, attachments, unknown);
        var img = holder.QuerySelector("img");
        if (img is null)
        {
            return inner;
        }

        // The image is usually wrapped in a link to the file itself: the figure keeps the image only.
        var wrapper = img.ParentElement is { LocalName: "a" } link && link.Children.Length == 1 && string.IsNullOrWhiteSpace(link.TextContent) ? link : (IElement)img;
        wrapper.Remove();
        var captionHtml = attributes.TryGetValue("caption", out var old) && !string.IsNullOrWhiteSpace(old) ? Encoder.Encode(old) : holder.InnerHtml.Trim();
        if (string.IsNullOrWhiteSpace(captionHtml) && attributes.TryGetValue("id", out var id)
            && long.TryParse(id.Replace("attachment_", string.Empty, StringComparison.Ordinal), out var attachmentId)
            && attachments.Find(attachmentId)?.Caption is { Length: > 0 } stored)
        {
            captionHtml = Encoder.Encode(stored);
        }

        return Figure(img.OuterHtml, captionHtml);
    }

    private static string Gallery(Dictionary<string, string> attributes, long postId, WordPressAttachments attachments)
    {
        var shown = attributes.TryGetValue("ids", out var ids) || attributes.TryGetValue("include", out ids)
            ? ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(id => long.TryParse(id, out var n) ? attachments.Find(n) : null)
                .Where(a => a is not null)
                .Select(a => a!)
                .ToList()
            : attachments.ChildrenOf(postId);
        var html = new StringBuilder();
        foreach (var attachment in shown)
        {
            var img = $"<img src=\"{Encoder.Encode(attachment.Url)}\" alt=\"{Encoder.Encode(attachment.AltText ?? string.Empty)}\" class=\"wp-image-{attachment.Id}\">";
            html.Append(Figure(img, attachment.Caption is { Length: > 0 } caption ? Encoder.Encode(caption) : null));
        }

        return html.ToString();
    }

    private static string MediaLink(Dictionary<string, string> attributes, string inner)
    {
        var url = attributes.Where(a => MediaUrlAttributes.Contains(a.Key)).Select(a => a.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? (Uri.TryCreate(inner.Trim(), UriKind.Absolute, out var absolute) ? absolute.ToString() : null);
        if (url is null)
        {
            return string.Empty;
        }

        var encoded = Encoder.Encode(url.Trim());
        return $"\n\n<p><a href=\"{encoded}\">{encoded}</a></p>\n\n";
    }

    private static string Figure(string imgHtml, string? captionHtml) =>
        string.IsNullOrWhiteSpace(captionHtml)
            ? $"\n\n<figure>{imgHtml}</figure>\n\n"
            : $"\n\n<figure>{imgHtml}<figcaption>{captionHtml}</figcaption></figure>\n\n";

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ShortcodeAttribute().Matches(text))
        {
            var value = match.Groups["dq"].Success ? match.Groups["dq"].Value : match.Groups["sq"].Success ? match.Groups["sq"].Value : match.Groups["bare"].Value;
            // WordPress stores quotes inside shortcode attributes as entities.
            attributes[match.Groups["key"].Value] = System.Net.WebUtility.HtmlDecode(value);
        }

        return attributes;
    }

    /// <summary>wpautop: text separated by blank lines becomes paragraphs, a single line break a &lt;br&gt;; blocks stay as they are.</summary>
    private static void AutoParagraphs(IElement container)
    {
        var parts = new List<string>();
        var run = new StringBuilder();
        foreach (var node in container.ChildNodes.ToList())
        {
            if (node is IElement element && Blocks.Contains(element.TagName))
            {
                Flush(run, parts);
                if (Containers.Contains(element.TagName))
                {
                    AutoParagraphs(element);
                }

                parts.Add(element.OuterHtml);
            }
            else if (node is IElement or IText)
            {
                run.Append(node.ToHtml(HtmlMarkupFormatter.Instance));
            }
        }

        Flush(run, parts);
        container.InnerHtml = string.Join('\n', parts);
    }

    private static void Flush(StringBuilder run, List<string> parts)
    {
        foreach (var paragraph in BlankLines().Split(run.ToString()))
        {
            var trimmed = paragraph.Trim();
            if (trimmed.Length > 0)
            {
                parts.Add($"<p>{LineBreak().Replace(trimmed, "<br>\n")}</p>");
            }
        }

        run.Clear();
    }

    [GeneratedRegex(@"<!--\s*/?wp:.*?-->\n?", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    // Shortcode names are lower-case ASCII; "[Xem thêm]" or "[1]" in Vietnamese text is not one.
    [GeneratedRegex(@"\[(?<name>[a-z][a-z0-9_-]*)(?<attrs>(?:\s[^\[\]]*?)?)(?<self>\s*/)?\]")]
    private static partial Regex ShortcodeOpen();

    [GeneratedRegex("""(?<key>[\w-]+)\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s"']+))""")]
    private static partial Regex ShortcodeAttribute();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\bwp-image-(\d+)\b")]
    private static partial Regex WpImageClass();
}
