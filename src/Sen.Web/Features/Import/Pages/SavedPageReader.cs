using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Features.Redirects;
using Sen.Web.Text;

namespace Sen.Web.Features.Import.Pages;

/// <summary>
/// One saved page of an old portal (Liferay, DotNetNuke, SharePoint, Joomla, custom ASP.NET) read into an
/// <see cref="ImportItem"/>: the selectors of the config first, then the containers these portals use, then the
/// densest block of paragraphs; menus, banners, share bars and footers left out; images found in the folder saved
/// with the page.
/// </summary>
public static partial class SavedPageReader
{
    // Where these portals keep the article (Liferay, SharePoint, Joomla, DotNetNuke, the usual custom ones).
    private static readonly string[] BodyContainers =
    [
        "[itemprop=articleBody]", ".journal-content-article", ".ms-rtestate-field", ".article-content", ".news-content", ".content-detail",
        ".detail-content", ".noidung", ".noi-dung", ".NewsContent", ".newsContent", ".entry-content", ".item-page .article-body", "#ArticleContent",
        "[id$=_lblContent]", "[id*=ArticleContent]", "[id*=NewsContent]", ".Normal",
    ];

    private static readonly string[] TitleContainers =
    [
        "[itemprop=headline]", ".news-title", ".article-title", ".title-detail", ".ArticleTitle", ".NewsTitle", ".tieude", ".tieu-de", ".item-page h2", "h1",
    ];

    private static readonly string[] LeadContainers = [".sapo", ".news-lead", ".article-lead", ".summary", ".lead", ".tomtat", ".tom-tat", "[id*=Summary]"];

    private static readonly string[] BreadcrumbContainers = [".breadcrumb", ".breadcrumbs", "[class*=breadcrumb]", "[id*=breadcrumb]", "[id*=Breadcrumb]", ".duongdan", ".duong-dan"];

    // Never the article: navigation, banners, share bars, comments, footers, forms.
    private const string Noise =
        "script, style, noscript, template, iframe, form, nav, header, footer, aside, [id*=header], [class*=header], [class*=logo], " +
        "[class*=menu], [id*=menu], [id*=Menu], [class*=Menu], [class*=banner], [id*=banner], [class*=share], [class*=social], [class*=footer], [id*=footer], " +
        "[class*=advert], [class*=quangcao], [class*=related], [class*=tinkhac], [class*=tin-khac], [class*=comment], [id*=comment], [class*=print], [class*=toolbar]";

    private static readonly string[] HomeWords = ["trang chủ", "home", "trang chu"];

    /// <summary>Reads the page at <paramref name="path"/>; <paramref name="key"/> is its path inside the folder (the fallback source key).</summary>
    public static ImportRead Read(string path, string key, PageSelectors selectors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(selectors);
        var html = VietnameseText.Nfc(SavedPageText.Decode(File.ReadAllBytes(path)))!;
        var document = new HtmlParser().ParseDocument(html);
        var unnamed = LegacyFontRuns.DetectUnnamed(document);
        LegacyFontRuns.Convert(document, unnamed);

        var sourceUrl = SourceUrl(document, html);
        var title = Clean(Pick(document, selectors.Title, TitleContainers)?.TextContent) is { Length: > 0 } heading ? heading : TitleFromHead(document);
        if (title.Length == 0)
        {
            return ImportRead.Failed(key, "Không tìm thấy tiêu đề / no title found");
        }

        var datedText = selectors.Date is { } dateSelector ? document.QuerySelector(dateSelector)?.TextContent : DateLine(document);
        var publishedAt = PageDates.FindUtc(datedText);
        var views = selectors.Views is { } viewsSelector ? PageDates.Number(document.QuerySelector(viewsSelector)?.TextContent) : PageDates.FindViews(document.Body?.TextContent);
        var breadcrumb = Breadcrumb(document, selectors.Breadcrumb, title);
        var authorElement = selectors.Author is { } authorSelector ? document.QuerySelector(authorSelector) : null;
        var author = authorElement is null ? null : Clean(authorElement.TextContent);
        authorElement?.Remove();

        foreach (var remove in selectors.Remove)
        {
            foreach (var element in document.QuerySelectorAll(remove).ToList())
            {
                element.Remove();
            }
        }

        var body = Body(document, selectors.Body);
        if (body is null)
        {
            return ImportRead.Failed(key, "Không tìm thấy nội dung bài / no article body found");
        }

        var lead = Pick(body, selectors.Lead, LeadContainers) is { } leadElement ? Clean(leadElement.TextContent) : null;
        body.QuerySelector(selectors.Lead ?? string.Join(", ", LeadContainers))?.Remove();
        StripHeadings(body, title);
        author ??= AuthorLine(body) ?? TrailingBoldName(body);
        var media = Images(body, path);
        string[] oldPaths = sourceUrl is null ? [] : [sourceUrl];
        var sourceKey = "pages:" + (KeyOf(sourceUrl) ?? key.Replace('\\', '/'));
        return ImportRead.Of(new ImportItem(
            sourceKey,
            sourceUrl,
            oldPaths,
            title,
            publishedAt,
            views ?? 0,
            author,
            body.InnerHtml,
            lead,
            breadcrumb,
            [],
            media,
            null,
            Draft: false));
    }

    /// <summary>The page's own address: the canonical link, og:url, or the "saved from url" comment browsers write.</summary>
    public static string? SourceUrl(IDocument document, string html)
    {
        ArgumentNullException.ThrowIfNull(document);
        var candidates = new[]
        {
            document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"),
            SavedFrom().Match(html ?? "") is { Success: true } saved ? saved.Groups["url"].Value : null,
        };
        return candidates.Select(c => c?.Trim()).FirstOrDefault(c => Uri.TryCreate(c, UriKind.Absolute, out var url) && url.Scheme is "http" or "https");
    }

    // The address is the key when it names this page (not a portal's home page given as everyone's canonical).
    private static string? KeyOf(string? sourceUrl) =>
        RedirectPaths.Normalize(sourceUrl) is { } path && path != "/" && !path.EndsWith("/default.aspx", StringComparison.Ordinal) && !path.EndsWith("/index.php", StringComparison.Ordinal)
            && Uri.TryCreate(sourceUrl, UriKind.Absolute, out var url)
            ? url.Host.ToLowerInvariant() + path
            : null;

    private const string InHeader = "header, [class*=header], [id*=header], [class*=Header], [id*=Header], [class*=logo], [id*=logo], [class*=top], [id*=top], [class*=banner]";

    private static IElement? Pick(IParentNode root, string? selector, string[] known) =>
        selector is not null
            ? root.QuerySelector(selector)
            : known.SelectMany(k => root.QuerySelectorAll(k)).FirstOrDefault(e => Clean(e.TextContent).Length > 0 && e.Closest(InHeader) is null);

    private static string TitleFromHead(IDocument document)
    {
        var og = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content");
        var title = Clean(og ?? document.Title);

        // "Tên bài - Cổng thông tin …": the site's name goes.
        var cut = title.LastIndexOfAny(['|', '–']) is var bar and > 0 ? bar : title.LastIndexOf(" - ", StringComparison.Ordinal);
        return cut > 10 ? title[..cut].Trim() : title;
    }

    /// <summary>
    /// The line with the publication date: the first that says so ("Ngày đăng", "Gửi lúc", "Cập nhật"), else the first
    /// date outside the page header (portals print today's date up there).
    /// </summary>
    private static string? DateLine(IDocument document)
    {
        string? weak = null;
        foreach (var text in document.Body?.Descendants<IText>() ?? Enumerable.Empty<IText>())
        {
            if (!DigitDate().IsMatch(text.Data) || text.ParentElement is not { } element || element.LocalName is "script" or "style")
            {
                continue;
            }

            var line = element.TextContent;
            for (var up = 0; up < 2 && !PageDates.HasStrongLabel(line) && element.ParentElement is { } parent && parent.TextContent.Length <= 300; up++)
            {
                element = parent;
                line = parent.TextContent;
            }

            if (PageDates.HasStrongLabel(line))
            {
                return line;
            }

            if (weak is null && element.Closest(InHeader) is null)
            {
                weak = line;
            }
        }

        return weak;
    }

    private static List<string> Breadcrumb(IDocument document, string? selector, string title)
    {
        IEnumerable<IElement> items;
        if (selector is not null)
        {
            items = document.QuerySelectorAll(selector);
        }
        else
        {
            var trail = BreadcrumbContainers.Select(c => document.QuerySelector(c)).FirstOrDefault(e => e is not null);
            if (trail is null)
            {
                return [];
            }

            items = trail.QuerySelectorAll("a").Length > 0 ? trail.QuerySelectorAll("a") : trail.QuerySelectorAll("li, span");
        }

        var names = items.Select(e => Clean(e.TextContent).Trim('»', '›', '>', '/', ' ')).Where(n => n.Length is > 0 and <= 100)
            .Where(n => !HomeWords.Contains(n.ToLowerInvariant()))
            .ToList();
        if (names.Count > 0 && string.Equals(names[^1], title, StringComparison.OrdinalIgnoreCase))
        {
            names.RemoveAt(names.Count - 1);
        }

        return names;
    }

    private static IElement? Body(IDocument document, string? selector)
    {
        if (selector is not null)
        {
            return document.QuerySelector(selector);
        }

        foreach (var noise in document.QuerySelectorAll(Noise).ToList())
        {
            // A container named like noise ("mainmenu-content") that holds the article is not noise.
            if (noise.QuerySelectorAll("p").Length < 3)
            {
                noise.Remove();
            }
        }

        foreach (var container in BodyContainers)
        {
            if (document.QuerySelector(container) is { } known && Clean(known.TextContent).Length > 0)
            {
                return known;
            }
        }

        // The block whose own paragraphs hold the most text, links counting against it.
        IElement? best = null;
        var bestScore = 0;
        var scored = new HashSet<IElement>();
        foreach (var paragraph in document.QuerySelectorAll("p, div > br"))
        {
            if (paragraph.ParentElement is not { } parent || parent.LocalName is "body" or "html" || !scored.Add(parent))
            {
                continue;
            }

            var score = Score(parent);
            if (score > bestScore)
            {
                best = parent;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Score(IElement block)
    {
        var text = Clean(block.TextContent).Length;
        var links = block.QuerySelectorAll("a").Sum(a => Clean(a.TextContent).Length);
        return text - (2 * links);
    }

    private static void StripHeadings(IElement body, string title)
    {
        foreach (var element in body.QuerySelectorAll("h1, h2, h3, p, div, span").ToList())
        {
            var text = Clean(element.TextContent);
            if (text.Length == 0)
            {
                continue;
            }

            // The title repeated, the date line, the view count: shown by Sen's own page.
            if (string.Equals(text, title, StringComparison.OrdinalIgnoreCase)
                || (text.Length < 120 && element.QuerySelector("img") is null && (PageDates.FindViews(text) is not null || ((PageDates.HasStrongLabel(text) || PageDates.StartsWithWeekday(text)) && PageDates.FindUtc(text) is not null && DateOnlyLine().IsMatch(text)))))
            {
                element.Remove();
            }
        }
    }

    /// <summary>"Tác giả: Nguyễn Văn A", "Người viết: …", "Bài, ảnh: …": the line goes, the name stays.</summary>
    private static string? AuthorLine(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("p, div, span, em, strong").Reverse().ToList())
        {
            var match = AuthorLabel().Match(Clean(element.TextContent));
            if (match.Success && element.Children.All(c => c.LocalName is "strong" or "b" or "em" or "i" or "span" or "br"))
            {
                element.Remove();
                return match.Groups["name"].Value.Trim().TrimEnd('.');
            }
        }

        return null;
    }

    /// <summary>A last paragraph that is only a short bold name ("Nguyễn Văn A", "Minh Châu (Ban Tuyên giáo)") is the author.</summary>
    private static string? TrailingBoldName(IElement body)
    {
        var last = body.QuerySelectorAll("p, div").LastOrDefault(p => Clean(p.TextContent).Length > 0);
        if (last is null || last.QuerySelector("img, a") is not null)
        {
            return null;
        }

        var text = Clean(last.TextContent);
        var bold = Clean(string.Concat(last.QuerySelectorAll("strong, b").Select(b => b.TextContent)));
        if (text.Length is > 0 and <= 80 && bold == text && !text.EndsWith('.') && !text.Contains(':', StringComparison.Ordinal))
        {
            last.Remove();
            return text;
        }

        return null;
    }

    /// <summary>The body's images, found in the folder saved with the page, each with its caption (the caption's own element then goes).</summary>
    private static List<ImportMedia> Images(IElement body, string pagePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(pagePath))!;
        var filesFolder = Path.Combine(folder, Path.GetFileNameWithoutExtension(pagePath) + "_files");
        var media = new List<ImportMedia>();
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src")?.Trim();
            if (string.IsNullOrEmpty(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                image.Remove();
                continue;
            }

            var caption = CaptionOf(image);
            media.Add(new ImportMedia(src, LocalFile(src, folder, filesFolder), caption, Clean(image.GetAttribute("alt")) is { Length: > 0 } alt ? alt : null));
        }

        return media;
    }

    private static string? LocalFile(string src, string folder, string filesFolder)
    {
        var name = src;
        if (Uri.TryCreate(src, UriKind.Absolute, out var absolute))
        {
            if (absolute.IsFile)
            {
                return File.Exists(absolute.LocalPath) ? absolute.LocalPath : null;
            }

            // A browser saves remote images in "page_files/" by their file name.
            name = Path.Combine(filesFolder, Path.GetFileName(absolute.LocalPath));
            return File.Exists(name) ? name : null;
        }

        var relative = Uri.UnescapeDataString(src.Split('?', '#')[0]).Replace('\\', '/').TrimStart('/');
        var candidates = new[] { Path.Combine(folder, relative), Path.Combine(filesFolder, Path.GetFileName(relative)) };
        var found = candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);

        // Nothing outside the saved folder is read, whatever the page says ("../../etc/…").
        return found is not null && found.StartsWith(folder, StringComparison.Ordinal) ? found : null;
    }

    /// <summary>
    /// A figure's figcaption, a table cell under the image's (the old portals' image tables, turned into a plain
    /// paragraph), or a short italic or "caption" paragraph right after the image's.
    /// </summary>
    private static string? CaptionOf(IElement image)
    {
        if (image.Closest("figure")?.QuerySelector("figcaption") is { } figcaption)
        {
            return Clean(figcaption.TextContent) is { Length: > 0 } text ? text : null;
        }

        if (image.Closest("table") is { } table && table.QuerySelectorAll("img").Length == 1 && table.QuerySelectorAll("tr").Length <= 3)
        {
            var cells = table.QuerySelectorAll("td, th").Where(c => c.QuerySelector("img") is null).Select(c => Clean(c.TextContent)).Where(t => t.Length > 0).ToList();
            var paragraph = table.Owner!.CreateElement("p");
            table.Parent!.ReplaceChild(paragraph, table);
            paragraph.AppendChild(image);
            return cells.Count > 0 ? string.Join(" ", cells) : null;
        }

        var holder = image.ParentElement is { } parent && parent.LocalName is "p" or "div" or "a" or "span" or "center" ? (parent.LocalName == "a" ? parent.ParentElement ?? parent : parent) : image;
        if (holder.NextElementSibling is { } next && Clean(next.TextContent) is { Length: > 0 and <= 300 } nextText && next.QuerySelector("img") is null
            && (next.ClassName?.Contains("caption", StringComparison.OrdinalIgnoreCase) == true
                || next.ClassName?.Contains("chuthich", StringComparison.OrdinalIgnoreCase) == true
                || next.ClassName?.Contains("chu-thich", StringComparison.OrdinalIgnoreCase) == true
                || (next.Children.Length == 1 && next.Children[0].LocalName is "em" or "i" && Clean(next.Children[0].TextContent) == nextText)
                || next.LocalName is "em" or "i"))
        {
            next.Remove();
            return nextText;
        }

        return null;
    }

    private static string Clean(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DigitDate();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:tác\s*giả|người\s*viết|bài(?:\s*(?:và|,)\s*ảnh)?|tin(?:\s*(?:và|,)\s*ảnh)?|theo)\s*:\s*(?<name>.{2,100})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AuthorLabel();

    // A line that is only a date ("Ngày đăng: 11:05 | 03/10/2019 | Lượt xem: 12") rather than a sentence that cites one.
    [GeneratedRegex(@"^[^.!?]{0,60}\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}[^.!?]{0,60}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"<!--\s*saved from url=\(\d+\)(?<url>\S+)\s*-->", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SavedFrom();
}
