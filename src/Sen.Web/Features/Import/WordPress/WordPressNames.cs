using System.Xml.Linq;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>The namespaces of a WXR file (1.2; 1.0 and 1.1 differ only in the wp: version).</summary>
public sealed class WordPressNames
{
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public XNamespace Wp { get; private set; } = "http://wordpress.org/export/1.2/";

    public XNamespace Excerpt { get; private set; } = "http://wordpress.org/export/1.2/excerpt/";

    /// <summary>Follows the wp: namespace an element uses (an older WXR version).</summary>
    public void Learn(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var wp = element.Name.NamespaceName.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal)
            ? element.Name.Namespace
            : element.Elements().Select(e => e.Name.Namespace).FirstOrDefault(n => n.NamespaceName.StartsWith("http://wordpress.org/export/", StringComparison.Ordinal) && !n.NamespaceName.Contains("excerpt", StringComparison.Ordinal));
        if (wp is not null && wp != Wp && !wp.NamespaceName.Contains("excerpt", StringComparison.Ordinal))
        {
            Wp = wp;
            Excerpt = wp.NamespaceName + "excerpt/";
        }
    }

    /// <summary>An item's post meta, last value of each key.</summary>
    public static Dictionary<string, string> Meta(XElement item, XNamespace wp)
    {
        ArgumentNullException.ThrowIfNull(item);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in item.Elements(wp + "postmeta"))
        {
            var key = entry.Element(wp + "meta_key")?.Value.Trim();
            if (!string.IsNullOrEmpty(key))
            {
                meta[key] = entry.Element(wp + "meta_value")?.Value ?? string.Empty;
            }
        }

        return meta;
    }
}
