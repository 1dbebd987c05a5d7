using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Text;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>
/// A WordPress export (WXR 1.2) as import items: posts and pages, in file order. The file is read twice, both
/// times streaming: a first pass keeps the small things posts refer to (authors, the category tree, attachments'
/// addresses and captions, wherever they are in the file), the second converts the posts one at a time. A broken
/// file yields the items before the break and then one failure saying where it broke.
/// </summary>
public sealed class WordPressExportSource(string exportPath, string? uploadsFolder) : IImportSource
{
    /// <summary>The category pages land in: WordPress pages have none.</summary>
    public const string PagesCategory = "Trang";

    // Plugins that count views (Post Views Counter, WP-PostViews, WPB Popular Posts), the first found wins.
    private static readonly string[] ViewKeys = ["post_views_count", "views", "wpb_post_views_count"];

    private readonly WordPressUploads uploads = new(uploadsFolder);

    public string Name => "import-wordpress";

    /// <summary>Filled while reading: what was skipped, unknown authors and shortcodes.</summary>
    public WordPressImportReport Report { get; } = new();

    public async IAsyncEnumerable<ImportRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = new WordPressNames();
        var channel = new WordPressChannel();
        var scan = await ScanAsync(channel, names, cancellationToken).ConfigureAwait(false);
        Report.EncodingNote = scan.EncodingNote;
        Report.Attachments = channel.Attachments.Count;

        var seen = new HashSet<long>();
        using var file = WordPressExportFile.Open(exportPath, out _);
        while (true)
        {
            var (element, broken) = await NextAsync(file, cancellationToken).ConfigureAwait(false);
            if (broken is not null)
            {
                yield return ImportRead.Failed(exportPath, broken);
                yield break;
            }

            if (element is null)
            {
                yield break;
            }

            names.Learn(element);
            if (element.Name.LocalName != "item")
            {
                continue;
            }

            var read = ReadItem(element, channel, names, seen);
            if (read is not null)
            {
                yield return read;
            }
        }
    }

    private sealed record Scan(string? EncodingNote);

    private static async Task<(XElement? Element, string? Broken)> NextAsync(WordPressExportFile file, CancellationToken cancellationToken)
    {
        try
        {
            return (await file.NextAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (XmlException exception)
        {
            return (null, $"Tệp hỏng từ dòng {exception.LineNumber}, phần sau không được nhập / the file breaks at line {exception.LineNumber}; the rest is not imported: {exception.Message}");
        }
    }

    private async Task<Scan> ScanAsync(WordPressChannel channel, WordPressNames names, CancellationToken cancellationToken)
    {
        using var file = WordPressExportFile.Open(exportPath, out var note);
        while (true)
        {
            // The break is reported by the second pass, which stops at the same place.
            var (element, broken) = await NextAsync(file, cancellationToken).ConfigureAwait(false);
            if (element is null || broken is not null)
            {
                return new Scan(note);
            }

            names.Learn(element);
            channel.Read(element, names);
        }
    }

    private ImportRead? ReadItem(XElement item, WordPressChannel channel, WordPressNames names, HashSet<long> seen)
    {
        var wp = names.Wp;
        var type = item.Element(wp + "post_type")?.Value.Trim() ?? "post";
        if (type == "attachment")
        {
            return null;
        }

        if (type is not ("post" or "page"))
        {
            Report.Skip(type);
            return null;
        }

        var status = item.Element(wp + "status")?.Value.Trim() ?? "publish";
        if (status is "trash" or "auto-draft" or "inherit")
        {
            Report.Skip(status);
            return null;
        }

        var title = VietnameseText.Nfc(item.Element("title")?.Value.Trim()) ?? string.Empty;
        var idText = item.Element(wp + "post_id")?.Value.Trim();
        var where = $"{exportPath} [{type} {idText} \"{title}\"]";
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return ImportRead.Failed(where, "Thiếu wp:post_id / no wp:post_id");
        }

        if (!seen.Add(id))
        {
            return ImportRead.Failed(where, $"Bài {id} xuất hiện lần nữa, giữ lần đầu / post {id} appears again; the first is kept");
        }

        if (title.Length == 0)
        {
            return ImportRead.Failed(where, "Bài không có tiêu đề / the post has no title");
        }

        var meta = WordPressNames.Meta(item, wp);
        var body = WordPressContent.Convert(item.Element(WordPressNames.Content + "encoded")?.Value, id, channel.Attachments);
        foreach (var shortcode in body.UnknownShortcodes)
        {
            Report.UnknownShortcodes.Add(shortcode);
        }

        var media = new List<ImportMedia>();
        foreach (var image in body.Images)
        {
            var attachment = image.AttachmentId is { } attachmentId ? channel.Attachments.Find(attachmentId) : channel.Attachments.FindByUrl(image.Src);
            if (attachment is null && !OnSite(image.Src, channel.SiteUrl))
            {
                continue;
            }

            AddMedia(media, new ImportMedia(
                image.Src,
                uploads.ResolveUrl(image.Src) ?? uploads.ResolveRelative(attachment?.File),
                VietnameseText.Nfc(image.Caption ?? attachment?.Caption),
                VietnameseText.Nfc(image.AltText ?? attachment?.AltText)));
        }

        string? cover = null;
        if (long.TryParse(meta.GetValueOrDefault("_thumbnail_id"), out var thumbnailId) && channel.Attachments.Find(thumbnailId) is { } thumbnail)
        {
            cover = thumbnail.Url;
            AddMedia(media, new ImportMedia(
                thumbnail.Url,
                uploads.ResolveRelative(thumbnail.File) ?? uploads.ResolveUrl(thumbnail.Url),
                VietnameseText.Nfc(thumbnail.Caption),
                VietnameseText.Nfc(thumbnail.AltText)));
        }

        var link = item.Element("link")?.Value.Trim();
        var lead = VietnameseText.Nfc(item.Element(names.Excerpt + "encoded")?.Value.Trim());
        return ImportRead.Of(new ImportItem(
            $"wp:{id}",
            string.IsNullOrEmpty(link) ? null : link,
            OldPaths(type, id, link, item.Element("guid")?.Value.Trim(), channel.SiteUrl),
            title,
            PublishedAt(item, wp),
            Views(meta),
            Author(item, channel),
            VietnameseText.Nfc(body.Html)!,
            string.IsNullOrEmpty(lead) ? null : lead,
            type == "page" ? [PagesCategory] : CategoryPath(item, channel),
            item.Elements("category").Where(c => (string?)c.Attribute("domain") == "post_tag")
                .Select(c => VietnameseText.Nfc(c.Value.Trim())!).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            media,
            cover,
            status is "draft" or "pending" or "private"));
    }

    private static void AddMedia(List<ImportMedia> media, ImportMedia add)
    {
        if (!media.Exists(m => m.Reference == add.Reference))
        {
            media.Add(add);
        }
    }

    private string? Author(XElement item, WordPressChannel channel)
    {
        var login = item.Element(WordPressNames.Dc + "creator")?.Value.Trim();
        if (string.IsNullOrEmpty(login))
        {
            return null;
        }

        if (channel.AuthorName(login) is { } name)
        {
            return VietnameseText.Nfc(name);
        }

        Report.UnknownAuthors.Add(login);
        return VietnameseText.Nfc(login);
    }

    private static List<string> CategoryPath(XElement item, WordPressChannel channel)
    {
        var category = item.Elements("category").FirstOrDefault(c => (string?)c.Attribute("domain") == "category");
        return category is null
            ? []
            : channel.CategoryPath((string?)category.Attribute("nicename"), category.Value.Trim()).Select(n => VietnameseText.Nfc(n)!).ToList();
    }

    private static long Views(Dictionary<string, string> meta)
    {
        foreach (var key in ViewKeys)
        {
            if (meta.TryGetValue(key, out var value) && long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var views) && views >= 0)
            {
                return views;
            }
        }

        return 0;
    }

    /// <summary>post_date_gmt, else post_date in the site's zone (Vietnam); WordPress writes 0000-00-00 00:00:00 for "none" (drafts).</summary>
    internal static DateTime? PublishedAt(XElement item, XNamespace wp)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (ParseDate(item.Element(wp + "post_date_gmt")?.Value) is { } utc)
        {
            return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        }

        return ParseDate(item.Element(wp + "post_date")?.Value) is { } local ? VietnamTime.ToUtc(local) : null;
    }

    private static DateTime? ParseDate(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The permalink's path, "/?p=ID" (or "/?page_id=ID") under the site's folder, and the guid's path when it is on the site.</summary>
    internal static IReadOnlyList<string> OldPaths(string type, long id, string? link, string? guid, Uri? site)
    {
        var paths = new List<string>();
        void Add(string? path)
        {
            if (!string.IsNullOrEmpty(path) && !paths.Contains(path, StringComparer.Ordinal))
            {
                paths.Add(path);
            }
        }

        Add(SitePath(link, site));
        var folder = site?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        Add(type == "page" ? $"{folder}/?page_id={id}" : $"{folder}/?p={id}");
        Add(SitePath(guid, site));
        return paths;
    }

    private static string? SitePath(string? url, Uri? site)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (site is null || SameHost(absolute, site)) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery
            : null;
    }

    private static bool OnSite(string src, Uri? site) =>
        src.Contains("/wp-content/uploads/", StringComparison.OrdinalIgnoreCase)
        && (!Uri.TryCreate(src, UriKind.Absolute, out var absolute) || site is null || SameHost(absolute, site));

    private static bool SameHost(Uri a, Uri b) =>
        string.Equals(WithoutWww(a.Host), WithoutWww(b.Host), StringComparison.OrdinalIgnoreCase);

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
