using System.Globalization;
using System.Text.RegularExpressions;
using Sen.Web.Text;

namespace Sen.Web.Features.Media;

/// <summary>
/// Names of stored files. A key is one flat file name of lower-case letters, digits and dashes with one
/// known extension: it can name nothing outside the media folder, no hidden file and nothing a browser
/// would run. Keys start with the content's hash, so a key never changes what it names.
/// </summary>
public static partial class MediaKeys
{
    public const string UrlPrefix = "/media/";

    private const int MaxNameLength = 60;

    public static bool IsValid(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>An image variant: <c>{hash}-{width}.{webp|jpg}</c>.</summary>
    public static string Variant(string hash, int width, MediaFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return string.Create(CultureInfo.InvariantCulture, $"{hash}-{width}.{format.Extension}");
    }

    /// <summary>A file stored as it came: <c>{hash}-{name-as-slug}.{ext}</c>, the name only to make the link readable.</summary>
    public static string File(string hash, string originalName, MediaFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var name = Slug.From(Path.GetFileNameWithoutExtension(originalName), MaxNameLength);
        return name.Length == 0 ? $"{hash}.{format.Extension}" : $"{hash}-{name}.{format.Extension}";
    }

    public static string Url(string key) => UrlPrefix + key;

    /// <summary>The key a public media URL names (<c>/media/{key}</c>), or null when it names none.</summary>
    public static string? FromUrl(string? url)
    {
        if (url is null || !url.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = url[UrlPrefix.Length..];
        return IsValid(key) ? key : null;
    }

    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9-]{0,199})\.(?:webp|jpg|pdf|docx|xlsx|doc|xls)\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex KeyPattern();
}
