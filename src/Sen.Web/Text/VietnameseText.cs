using System.Globalization;
using System.Text;

namespace Sen.Web.Text;

/// <summary>Vietnamese text rules shared by every feature: NFC on the way in, folding for matching.</summary>
public static class VietnameseText
{
    /// <summary>Normalizes to NFC; null stays null. Invalid UTF-16 (lone surrogates, U+FFFE/U+FFFF) is replaced, never thrown on.</summary>
    public static string? Nfc(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = ReplaceLoneSurrogates(text);
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Folds text for diacritic- and case-insensitive matching: removes tone and vowel marks,
    /// maps đ/Đ to d (they are letters of their own, not a base letter with a combining mark),
    /// and lower-cases with the invariant culture.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\uFFFE' or '\uFFFF'
                || (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))))
            {
                return Rebuild(text);
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;

        static string Rebuild(string text)
        {
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                {
                    builder.Append('\uFFFD');
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
