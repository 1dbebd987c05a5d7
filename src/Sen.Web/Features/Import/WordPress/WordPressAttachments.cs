using System.Text.RegularExpressions;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>
/// An attachment of the export, without its content: what a body or a featured image needs to find the file.
/// <c>File</c> is the uploads-relative path WordPress stored (_wp_attached_file, "2019/10/hoi-nghi.jpg"), or null.
/// </summary>
public sealed record WordPressAttachment(long Id, string Url, string? File, string? Caption, string? AltText, long ParentId);

/// <summary>The export's attachments, by id, by URL (size variants too) and by the post they were uploaded to.</summary>
public sealed partial class WordPressAttachments
{
    private readonly Dictionary<long, WordPressAttachment> byId = [];
    private readonly Dictionary<string, long> byUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, List<long>> byParent = [];

    public int Count => byId.Count;

    public void Add(WordPressAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (!byId.TryAdd(attachment.Id, attachment))
        {
            return;
        }

        byUrl.TryAdd(UrlKey(attachment.Url), attachment.Id);
        if (attachment.ParentId > 0)
        {
            if (!byParent.TryGetValue(attachment.ParentId, out var children))
            {
                byParent[attachment.ParentId] = children = [];
            }

            children.Add(attachment.Id);
        }
    }

    public WordPressAttachment? Find(long id) => byId.GetValueOrDefault(id);

    /// <summary>The attachment an image URL shows: the file itself or one of its size variants ("hoi-nghi-300x200.jpg").</summary>
    public WordPressAttachment? FindByUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return byUrl.TryGetValue(UrlKey(url), out var id) || byUrl.TryGetValue(UrlKey(WithoutSizeSuffix(url)), out id) ? byId[id] : null;
    }

    /// <summary>The attachments uploaded to a post, in export order: a [gallery] without ids shows them.</summary>
    public IReadOnlyList<WordPressAttachment> ChildrenOf(long postId) =>
        byParent.TryGetValue(postId, out var ids) ? ids.Select(id => byId[id]).ToList() : [];

    /// <summary>"a/b/anh-300x200.jpg" → "a/b/anh.jpg"; other paths unchanged.</summary>
    public static string WithoutSizeSuffix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return SizeSuffix().Replace(path, "$1");
    }

    // Scheme, host and query differ between the attachment's URL and the src a body uses (http/https, www, ?ver=).
    private static string UrlKey(string url)
    {
        var key = url.Split('?', '#')[0];
        var slashes = key.IndexOf("//", StringComparison.Ordinal);
        if (slashes >= 0)
        {
            var path = key.IndexOf('/', slashes + 2);
            key = path >= 0 ? key[path..] : "/";
        }

        var uploads = key.IndexOf("/wp-content/uploads/", StringComparison.OrdinalIgnoreCase);
        return Uri.UnescapeDataString(uploads >= 0 ? key[uploads..] : key);
    }

    [GeneratedRegex(@"-\d+x\d+(\.[A-Za-z0-9]+)$")]
    private static partial Regex SizeSuffix();
}
