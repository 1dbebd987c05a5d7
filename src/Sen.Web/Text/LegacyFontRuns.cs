using System.Text;
using AngleSharp.Dom;

namespace Sen.Web.Text;

/// <summary>
/// Old pages mix encodings run by run: the font names them (&lt;font face=".VnTime"&gt;, style="font-family: VNI-Times").
/// Each text node is converted by the nearest enclosing element that names a font, as a browser would draw it.
/// </summary>
public static class LegacyFontRuns
{
    private static readonly HashSet<string> NotText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript" };

    /// <summary>
    /// Converts the text under <paramref name="root"/> to Unicode: runs in a legacy font by that font, runs under
    /// no named font by <paramref name="unnamed"/> (None leaves them). Returns how many runs changed encoding.
    /// </summary>
    public static int Convert(INode root, LegacyEncoding unnamed = LegacyEncoding.None)
    {
        ArgumentNullException.ThrowIfNull(root);
        var converted = 0;
        foreach (var text in Runs(root))
        {
            var font = FontOf(text.ParentElement) ?? new LegacyFont(unnamed, false);
            if (font.Encoding != LegacyEncoding.None)
            {
                text.Data = LegacyEncodings.ToUnicode(text.Data, font);
                converted++;
            }
        }

        return converted;
    }

    /// <summary>The encoding of the text under no named font, detected over all of it at once (a single run is often too short to tell).</summary>
    public static LegacyEncoding DetectUnnamed(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var unnamed = new StringBuilder();
        foreach (var text in Runs(root))
        {
            if (FontOf(text.ParentElement) is null)
            {
                unnamed.Append(text.Data).Append(' ');
            }
        }

        return LegacyEncodings.Detect(unnamed.ToString());
    }

    /// <summary>The font the nearest element naming one gives <paramref name="element"/>'s text, or null when none does.</summary>
    public static LegacyFont? FontOf(IElement? element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            var family = LegacyFont.FamilyInStyle(current.GetAttribute("style"))
                ?? (current.LocalName == "font" ? current.GetAttribute("face") : null);
            if (!string.IsNullOrWhiteSpace(family))
            {
                return LegacyFont.FromFamily(family);
            }
        }

        return null;
    }

    private static List<IText> Runs(INode root) =>
        [.. root.Descendants<IText>().Where(t => !string.IsNullOrWhiteSpace(t.Data) && !(t.ParentElement is { } p && NotText.Contains(p.LocalName)))];
}
