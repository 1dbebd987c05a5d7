using System.Text;
using Sen.Web.Text;

namespace Sen.Web.Features.Media;

/// <summary>The text an editor gives an asset: a display name from the uploaded file's name, alt text, caption.</summary>
internal static class MediaText
{
    public const int MaxNameLength = 255;
    public const int MaxAltTextLength = 500;
    public const int MaxCaptionLength = 1000;

    /// <summary>
    /// The file's name without any folder a browser sent along, control characters or characters file
    /// systems forbid; only ever displayed, never used as a path.
    /// </summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in VietnameseText.Nfc(name)!)
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                builder.Append(c);
            }
        }

        var clean = Limit(builder.ToString().Trim().TrimStart('.'), MaxNameLength);
        return clean.Length == 0 ? "tep-tai-len" : clean;
    }

    /// <summary>One line of text: trimmed, inner whitespace collapsed, at most <paramref name="maxLength"/> characters.</summary>
    public static string Line(string? text, int maxLength)
    {
        var words = (VietnameseText.Nfc(text) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Limit(string.Join(' ', words), maxLength);
    }

    public static string SearchText(string name, string altText, string caption) =>
        Limit(VietnameseText.Fold($"{name} {altText} {caption}"), 2000);

    private static string Limit(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength].TrimEnd();
}
