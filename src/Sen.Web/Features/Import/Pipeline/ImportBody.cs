using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sen.Web.Features.Redirects;

namespace Sen.Web.Features.Import.Pipeline;

/// <summary>
/// The imported body's HTML before the sanitizer sees it (on save, as for the editor's): images pointed at their
/// copies in the media store and given their captions as &lt;figure&gt;&lt;figcaption&gt;; at the end of a run, links
/// to other imported items pointed at their new addresses.
/// </summary>
internal static class ImportBody
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The body with each known image replaced by its copy; images whose file is missing are removed.</summary>
    public static string WithMedia(string html, IReadOnlyDictionary<string, (ImportMedia Media, MediaCopy Copy)> media)
    {
        if (media.Count == 0 || string.IsNullOrWhiteSpace(html))
        {
            return html ?? "";
        }

        var body = Fragment(html);
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src") ?? "";
            if (!media.TryGetValue(src, out var found) && !media.TryGetValue(Uri.UnescapeDataString(src), out found))
            {
                continue;
            }

            if (found.Copy.Problem is not null)
            {
                var figure = image.Closest("figure");
                (figure is not null && figure.QuerySelectorAll("img").Length == 1 ? figure : image).Remove();
                continue;
            }

            if (found.Copy.Url is { } url)
            {
                image.SetAttribute("src", url);
            }

            if (string.IsNullOrWhiteSpace(image.GetAttribute("alt")) && (found.Media.AltText ?? found.Media.Caption) is { } alt)
            {
                image.SetAttribute("alt", alt);
            }

            if (!string.IsNullOrWhiteSpace(found.Media.Caption))
            {
                Caption(image, found.Media.Caption.Trim());
            }
        }

        return body.InnerHtml;
    }

    /// <summary>
    /// The body with links to old addresses (on this path, or on one of <paramref name="oldHosts"/>) that <paramref name="targets"/>
    /// knows pointed at their new address; null when none was.
    /// </summary>
    public static string? WithLinks(string html, IReadOnlyDictionary<string, string> targets, IReadOnlySet<string> oldHosts, out int rewritten)
    {
        rewritten = 0;
        if (string.IsNullOrEmpty(html) || !html.Contains("href", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var body = Fragment(html);
        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!.Trim();
            string? path = null;
            if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            {
                path = href;
            }
            else if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" && oldHosts.Contains(absolute.Host))
            {
                path = absolute.PathAndQuery;
            }

            if (RedirectPaths.Normalize(path) is { } old && targets.TryGetValue(old, out var target) && target != href)
            {
                link.SetAttribute("href", target);
                rewritten++;
            }
        }

        return rewritten == 0 ? null : body.InnerHtml;
    }

    private static void Caption(IElement image, string caption)
    {
        var figure = image.Closest("figure");
        if (figure is null)
        {
            // A linked image keeps its link inside the figure.
            var anchor = image.ParentElement is { LocalName: "a" } a && a.Children.Length == 1 ? a : image;
            figure = image.Owner!.CreateElement("figure");
            if (anchor.ParentElement is { LocalName: "p" } paragraph)
            {
                // A figure may not sit in a paragraph: it takes the paragraph's place when the image was all of it, else follows it.
                paragraph.Parent!.InsertBefore(figure, paragraph.NextSibling);
                figure.AppendChild(anchor);
                if (paragraph.TextContent.Trim().Length == 0 && paragraph.Children.Length == 0)
                {
                    paragraph.Remove();
                }
            }
            else
            {
                anchor.Parent!.InsertBefore(figure, anchor);
                figure.AppendChild(anchor);
            }
        }

        if (figure.QuerySelector("figcaption") is null)
        {
            var figcaption = image.Owner!.CreateElement("figcaption");
            figcaption.TextContent = caption;
            figure.AppendChild(figcaption);
        }
    }

    private static IElement Fragment(string html)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document.Body;
    }
}
