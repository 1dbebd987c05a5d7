using System.Text;

namespace Sen.Web.Text;

/// <summary>
/// VNI-Windows to Unicode. VNI writes a vowel and then one code for its marks ("aø" is à, "aá" is ấ, "aë" is ặ);
/// ơ, ư and đ are "ô", "ö" and "ñ"; i and ỵ with tones are single codes. Codes are windows-1252 characters.
/// </summary>
public static class Vni
{
    private const char Acute = '\u0301', Grave = '\u0300', Hook = '\u0309', Tilde = '\u0303', DotBelow = '\u0323';
    private const char Circumflex = '\u0302', Breve = '\u0306';

    // A tone alone, after a, e, o, u, y, ơ, ư.
    private static readonly Dictionary<char, string> Tones = Marks("ùøûõï", [$"{Acute}", $"{Grave}", $"{Hook}", $"{Tilde}", $"{DotBelow}"]);

    // The circumflex with or without a tone, after a, e, o.
    private static readonly Dictionary<char, string> Circumflexes = Marks("âáàåãä",
        [$"{Circumflex}", $"{Circumflex}{Acute}", $"{Circumflex}{Grave}", $"{Circumflex}{Hook}", $"{Circumflex}{Tilde}", $"{Circumflex}{DotBelow}"]);

    // The breve with or without a tone, after a.
    private static readonly Dictionary<char, string> Breves = Marks("êéèúüë",
        [$"{Breve}", $"{Breve}{Acute}", $"{Breve}{Grave}", $"{Breve}{Hook}", $"{Breve}{Tilde}", $"{Breve}{DotBelow}"]);

    // Letters VNI writes in one code.
    private static readonly Dictionary<char, char> Singles = new()
    {
        ['ô'] = 'ơ',
        ['Ô'] = 'Ơ',
        ['ö'] = 'ư',
        ['Ö'] = 'Ư',
        ['ñ'] = 'đ',
        ['Ñ'] = 'Đ',
        ['í'] = 'í',
        ['ì'] = 'ì',
        ['æ'] = 'ỉ',
        ['ó'] = 'ĩ',
        ['ò'] = 'ị',
        ['î'] = 'ỵ',
        ['Í'] = 'Í',
        ['Ì'] = 'Ì',
        ['Æ'] = 'Ỉ',
        ['Ó'] = 'Ĩ',
        ['Ò'] = 'Ị',
        ['Î'] = 'Ỵ',
    };

    /// <summary>Converts VNI text (its bytes read as windows-1252); the result is NFC.</summary>
    public static string ToUnicode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && MarksFor(text[i], text[i + 1]) is { } marks)
            {
                builder.Append(Base(text[i])).Append(marks);
                i++;
            }
            else
            {
                builder.Append(Singles.TryGetValue(text[i], out var single) ? single : text[i]);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when <paramref name="letter"/> followed by <paramref name="mark"/> is one VNI letter ("aø", "OÂ"): the mark of VNI text.</summary>
    public static bool IsPair(char letter, char mark) => MarksFor(letter, mark) is not null;

    /// <summary>A pair whose mark Vietnamese Unicode text never holds (ø, û, ï, å, ä, ü, ë): evidence of VNI, where "oà" is not.</summary>
    public static bool IsTellingPair(char letter, char mark) =>
        "øûïåäüëØÛÏÅÄÜË".Contains(mark, StringComparison.Ordinal) && IsPair(letter, mark);

    /// <summary>A code VNI uses alone for a letter (ô for ơ, ñ for đ, ò for ị …).</summary>
    public static bool IsSingle(char c) => Singles.ContainsKey(c);

    private static string? MarksFor(char letter, char mark)
    {
        var lowerMark = char.ToLowerInvariant(mark);
        return char.ToLowerInvariant(letter) switch
        {
            'a' => Tones.GetValueOrDefault(lowerMark) ?? Circumflexes.GetValueOrDefault(lowerMark) ?? Breves.GetValueOrDefault(lowerMark),
            'e' or 'o' => Tones.GetValueOrDefault(lowerMark) ?? Circumflexes.GetValueOrDefault(lowerMark),
            'u' or 'y' or 'ô' or 'ö' => Tones.GetValueOrDefault(lowerMark),
            _ => null,
        };
    }

    private static char Base(char letter) => letter switch
    {
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        _ => letter,
    };

    private static Dictionary<char, string> Marks(string codes, string[] marks)
    {
        var map = new Dictionary<char, string>();
        for (var i = 0; i < codes.Length; i++)
        {
            map[codes[i]] = marks[i];
        }

        return map;
    }
}
