namespace Sen.Web.Features.Import.WordPress;

/// <summary>
/// Finds an upload on disk inside the folder given with <c>--uploads</c> (a copy of wp-content/uploads): the
/// original file when a body shows a size variant ("anh-300x200.jpg" → "anh.jpg"), else the variant itself.
/// </summary>
public sealed class WordPressUploads(string? root)
{
    private readonly string? root = root is null ? null : Path.GetFullPath(root);

    /// <summary>The file an image URL ("https://x.vn/wp-content/uploads/2019/10/a.jpg") points to, or null when missing.</summary>
    public string? ResolveUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.Split('?', '#')[0];
        var uploads = path.IndexOf("/wp-content/uploads/", StringComparison.OrdinalIgnoreCase);
        return uploads < 0 ? null : ResolveRelative(Uri.UnescapeDataString(path[(uploads + "/wp-content/uploads/".Length)..]));
    }

    /// <summary>The file at an uploads-relative path ("2019/10/a.jpg"), or null when missing.</summary>
    public string? ResolveRelative(string? relative)
    {
        if (root is null || string.IsNullOrWhiteSpace(relative))
        {
            return null;
        }

        var original = Inside(WordPressAttachments.WithoutSizeSuffix(relative));
        if (original is not null && File.Exists(original))
        {
            return original;
        }

        var asGiven = Inside(relative);
        return asGiven is not null && File.Exists(asGiven) ? asGiven : null;
    }

    // An export is input from elsewhere: "../../etc/passwd" must not leave the uploads folder.
    private string? Inside(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root!, relative.TrimStart('/', '\\')));
        return full.StartsWith(root! + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
