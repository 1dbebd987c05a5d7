namespace Sen.Web.Text;

/// <summary>
/// What a font name says about the bytes under it: ".VnTime" text is TCVN3, "VNI-Times" text is VNI, and the
/// ABC capitals fonts (".VnTimeH", ".VnArialH") draw the lower-case codes as capitals, because TCVN3 has no
/// codes for most capital letters with tones.
/// </summary>
public readonly record struct LegacyFont(LegacyEncoding Encoding, bool Capitals)
{
    public static readonly LegacyFont Unicode = new(LegacyEncoding.None, false);

    /// <summary>From a font name, a face attribute or a CSS font-family list: the first family decides, as in a browser that has the fonts.</summary>
    public static LegacyFont FromFamily(string? families)
    {
        if (string.IsNullOrWhiteSpace(families))
        {
            return Unicode;
        }

        var first = families.Split(',')[0].Trim().Trim('"', '\'').Trim();
        if (first.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase))
        {
            return new LegacyFont(LegacyEncoding.Tcvn3, first.Length > 3 && first[^1] == 'H');
        }

        return first.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || first.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase)
            ? new LegacyFont(LegacyEncoding.Vni, false)
            : Unicode;
    }

    /// <summary>The font-family named by an inline style ("font-family: '.VnTime'; color: red"), or null. Word's mso-*-font-family are not it.</summary>
    public static string? FamilyInStyle(string? style)
    {
        if (string.IsNullOrEmpty(style))
        {
            return null;
        }

        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && declaration[..colon].Trim().Equals("font-family", StringComparison.OrdinalIgnoreCase))
            {
                return declaration[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
