namespace Sen.Web.Text;

/// <summary>
/// Old Vietnamese text to Unicode NFC: TCVN3 (ABC) and VNI-Windows, by name or by detection. Legacy text reaches
/// us as characters U+0000–U+00FF (bytes read as windows-1252 or Latin-1, which is how browsers and parsers read
/// pages that used these fonts); characters beyond that (“quotes”, – dashes) are already text and stay.
/// </summary>
public static class LegacyEncodings
{
    /// <summary>Converts <paramref name="text"/> from <paramref name="encoding"/>; <paramref name="capitals"/> for the ABC capitals fonts (.VnTimeH).</summary>
    public static string ToUnicode(string text, LegacyEncoding encoding, bool capitals = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return encoding switch
        {
            LegacyEncoding.Tcvn3 => Tcvn3.ToUnicode(text, capitals),
            LegacyEncoding.Vni => capitals ? Vni.ToUnicode(text).ToUpperInvariant() : Vni.ToUnicode(text),
            _ => VietnameseText.Nfc(text)!,
        };
    }

    /// <summary>Converts a text run drawn in <paramref name="font"/>.</summary>
    public static string ToUnicode(string text, LegacyFont font) => ToUnicode(text, font.Encoding, font.Capitals);

    /// <summary>
    /// Which encoding a run of text is in. Vietnamese Unicode has letters beyond U+00FF (ư, ơ, đ, ạ …) or
    /// combining marks; TCVN3 has codes no other text uses much (µ for à, ¸ for á, ­ for ư …) and letters where neither
    /// Unicode nor VNI would have them (Ü for ĩ after a consonant); VNI has a vowel
    /// followed by one of its marks that Vietnamese Unicode never has ("aø" for à, "eä" for ệ; not "oà", which
    /// is Unicode "hoà" as often), and đ as ñ starting a word. The strongest evidence wins;
    /// a long text needs two pieces of it, so one stray "©" in English stays as it is.
    /// </summary>
    public static LegacyEncoding Detect(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return LegacyEncoding.None;
        }

        int unicode = 0, tcvn3 = 0, vni = 0, words = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsVietnameseUnicode(c))
            {
                unicode++;
            }
            else if (InWord(text, i) && IsTcvn3Evidence(text, i))
            {
                tcvn3++;
            }
            else if (char.IsWhiteSpace(c))
            {
                words++;
            }

            if ((i + 1 < text.Length && Vni.IsTellingPair(c, text[i + 1])) || (c is 'ñ' or 'Ñ' && (i == 0 || !IsLetterCode(text[i - 1]))))
            {
                vni++;
            }
        }

        var needed = words < 5 ? 1 : 2;
        if (unicode >= Math.Max(tcvn3, vni) && unicode > 0)
        {
            return LegacyEncoding.None;
        }

        if (tcvn3 >= needed && tcvn3 > vni)
        {
            return LegacyEncoding.Tcvn3;
        }

        return vni >= needed && vni > tcvn3 ? LegacyEncoding.Vni : LegacyEncoding.None;
    }

    // A TCVN3 letter that neither Vietnamese Unicode (à, é, ô …) nor VNI (a single letter or a vowel's mark) would have there.
    private static bool IsTcvn3Evidence(string text, int i)
    {
        var c = text[i];
        if (Tcvn3.IsSignature(c))
        {
            return true;
        }

        return c is >= '\u00C0' and <= '\u00FF' and not '\u00D7' and not '\u00F7'
            && !LatinVietnamese.Contains(c, StringComparison.Ordinal)
            && !Vni.IsSingle(c)
            && !(i > 0 && Vni.IsPair(text[i - 1], c));
    }

    private const string LatinVietnamese = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

    // A code between letters is a letter; "©" or "·" between spaces is a symbol.
    private static bool InWord(string text, int i) =>
        (i > 0 && IsLetterCode(text[i - 1])) || (i + 1 < text.Length && IsLetterCode(text[i + 1]));

    private static bool IsLetterCode(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '\u00A1' and <= '\u00FF' and not '\u00D7' and not '\u00F7');

    private static bool IsVietnameseUnicode(char c) =>
        c is (>= '\u1EA0' and <= '\u1EF9') or (>= '\u0300' and <= '\u0323')
            or '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
            or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0';
}
