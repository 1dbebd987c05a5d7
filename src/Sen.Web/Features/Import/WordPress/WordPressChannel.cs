using System.Xml.Linq;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>
/// What the first pass over an export learns, all small: the site's address, authors' display names, the category
/// tree and the attachments (address and caption, not content). Posts refer to attachments that may come after them
/// in the file, so this pass reads the whole file before any post is converted.
/// </summary>
public sealed class WordPressChannel
{
    private readonly Dictionary<string, string> authors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Name, string? Parent)> categories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The site's address (wp:base_blog_url, else the channel's link), or null.</summary>
    public Uri? SiteUrl { get; set; }

    public WordPressAttachments Attachments { get; } = new();

    public void AddAuthor(string login, string? displayName) =>
        authors[login] = string.IsNullOrWhiteSpace(displayName) ? login : displayName.Trim();

    public string? AuthorName(string login) => authors.GetValueOrDefault(login);

    public void AddCategory(string nicename, string name, string? parent) => categories[nicename] = (name, parent);

    /// <summary>Names from the root to the category <paramref name="nicename"/>; <paramref name="fallbackName"/> alone when the channel does not list it.</summary>
    public IReadOnlyList<string> CategoryPath(string? nicename, string fallbackName)
    {
        var path = new List<string>();
        var current = nicename;
        // A parent chain that loops (hand-edited exports) stops at the depth no real site reaches.
        while (!string.IsNullOrEmpty(current) && path.Count < 16 && categories.TryGetValue(current, out var category))
        {
            path.Insert(0, category.Name);
            current = category.Parent;
        }

        return path.Count > 0 ? path : [fallbackName];
    }

    /// <summary>Reads one child of &lt;channel&gt; that the first pass keeps; items other than attachments are ignored.</summary>
    public void Read(XElement element, WordPressNames names)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(names);
        var wp = names.Wp;
        if (element.Name == wp + "base_blog_url" || (element.Name.LocalName == "link" && element.Name.Namespace == XNamespace.None && SiteUrl is null))
        {
            if (Uri.TryCreate(element.Value.Trim(), UriKind.Absolute, out var url))
            {
                SiteUrl = url;
            }
        }
        else if (element.Name == wp + "author")
        {
            var login = element.Element(wp + "author_login")?.Value.Trim();
            if (!string.IsNullOrEmpty(login))
            {
                AddAuthor(login, element.Element(wp + "author_display_name")?.Value);
            }
        }
        else if (element.Name == wp + "category")
        {
            var nicename = element.Element(wp + "category_nicename")?.Value.Trim();
            var name = element.Element(wp + "cat_name")?.Value.Trim();
            if (!string.IsNullOrEmpty(nicename) && !string.IsNullOrEmpty(name))
            {
                AddCategory(nicename, name, element.Element(wp + "category_parent")?.Value.Trim());
            }
        }
        else if (element.Name.LocalName == "item" && element.Element(wp + "post_type")?.Value.Trim() == "attachment"
            && long.TryParse(element.Element(wp + "post_id")?.Value, out var id))
        {
            var url = element.Element(wp + "attachment_url")?.Value.Trim() ?? element.Element("guid")?.Value.Trim();
            if (!string.IsNullOrEmpty(url))
            {
                var meta = WordPressNames.Meta(element, wp);
                Attachments.Add(new WordPressAttachment(
                    id,
                    url,
                    meta.GetValueOrDefault("_wp_attached_file"),
                    NullIfBlank(element.Element(names.Excerpt + "encoded")?.Value),
                    NullIfBlank(meta.GetValueOrDefault("_wp_attachment_image_alt")),
                    long.TryParse(element.Element(wp + "post_parent")?.Value, out var parent) ? parent : 0));
            }
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
