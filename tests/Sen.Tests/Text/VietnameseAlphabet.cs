using System.Text;

namespace Sen.Tests.Text;

/// <summary>
/// Every Vietnamese letter with every tone, and how TCVN3 (ABC) and VNI-Windows write it, typed from the published
/// tables (TCVN 5712:1993 VN3; VNI-Windows) independently of the converters' own tables: the Unicode side is built
/// from the letter and a combining tone, the legacy side per letter in the order no tone, sắc, huyền, hỏi, ngã, nặng.
/// </summary>
internal static class VietnameseAlphabet
{
    private static readonly string[] Tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

    // Letter, then the six TCVN3 codes (no tone, sắc, huyền, hỏi, ngã, nặng).
    private static readonly (string Letter, int[] Codes)[] Tcvn3Lower =
    [
        ("a", ['a', 0xB8, 0xB5, 0xB6, 0xB7, 0xB9]),
        ("ă", [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6]),
        ("â", [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB]),
        ("e", ['e', 0xD0, 0xCC, 0xCE, 0xCF, 0xD1]),
        ("ê", [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6]),
        ("i", ['i', 0xDD, 0xD7, 0xD8, 0xDC, 0xDE]),
        ("o", ['o', 0xE3, 0xDF, 0xE1, 0xE2, 0xE4]),
        ("ô", [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9]),
        ("ơ", [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE]),
        ("u", ['u', 0xF3, 0xEF, 0xF1, 0xF2, 0xF4]),
        ("ư", [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9]),
        ("y", ['y', 0xFD, 0xFA, 0xFB, 0xFC, 0xFE]),
    ];

    // Letter, then the six VNI spellings; capitals are the same spellings in capitals ("AÙ" for Á).
    private static readonly (string Letter, string[] Spellings)[] VniLower =
    [
        ("a", ["a", "aù", "aø", "aû", "aõ", "aï"]),
        ("ă", ["aê", "aé", "aè", "aú", "aü", "aë"]),
        ("â", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
        ("e", ["e", "eù", "eø", "eû", "eõ", "eï"]),
        ("ê", ["eâ", "eá", "eà", "eå", "eã", "eä"]),
        ("i", ["i", "í", "ì", "æ", "ó", "ò"]),
        ("o", ["o", "où", "oø", "oû", "oõ", "oï"]),
        ("ô", ["oâ", "oá", "oà", "oå", "oã", "oä"]),
        ("ơ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
        ("u", ["u", "uù", "uø", "uû", "uõ", "uï"]),
        ("ư", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
        ("y", ["y", "yù", "yø", "yû", "yõ", "î"]),
    ];

    /// <summary>The 67 lower-case letters with a mark or tone and the plain vowels, each with its TCVN3 code.</summary>
    public static IEnumerable<(string Unicode, string Tcvn3)> Tcvn3Letters()
    {
        foreach (var (letter, codes) in Tcvn3Lower)
        {
            for (var tone = 0; tone < Tones.Length; tone++)
            {
                yield return (Compose(letter, tone), new string((char)codes[tone], 1));
            }
        }

        yield return ("đ", "\u00AE");
    }

    /// <summary>TCVN3's own capitals: Ă Â Ê Ô Ơ Ư Đ.</summary>
    public static IEnumerable<(string Unicode, string Tcvn3)> Tcvn3Capitals() =>
        [("Ă", "\u00A1"), ("Â", "\u00A2"), ("Ê", "\u00A3"), ("Ô", "\u00A4"), ("Ơ", "\u00A5"), ("Ư", "\u00A6"), ("Đ", "\u00A7")];

    public static IEnumerable<(string Unicode, string Vni)> VniLetters()
    {
        foreach (var (letter, spellings) in VniLower)
        {
            for (var tone = 0; tone < Tones.Length; tone++)
            {
                var unicode = Compose(letter, tone);
                yield return (unicode, spellings[tone]);
                yield return (unicode.ToUpperInvariant(), spellings[tone].ToUpperInvariant());
            }
        }

        yield return ("đ", "ñ");
        yield return ("Đ", "Ñ");
    }

    /// <summary>Unicode text to TCVN3 by the table above; throws on a letter TCVN3 (VN3) cannot write, so a test cannot pass by accident.</summary>
    public static string ToTcvn3(string unicode)
    {
        var map = Tcvn3Letters().Concat(Tcvn3Capitals()).ToDictionary(p => p.Unicode, p => p.Tcvn3);
        var builder = new StringBuilder();
        foreach (var c in unicode.Normalize(NormalizationForm.FormC))
        {
            builder.Append(c < 0x80 ? new string(c, 1) : map.TryGetValue(new string(c, 1), out var code) ? code
                : c is '–' or '“' or '”' ? new string(c, 1) : throw new ArgumentException($"TCVN3 has no code for {c}", nameof(unicode)));
        }

        return builder.ToString();
    }

    public static string ToVni(string unicode)
    {
        var map = VniLetters().ToDictionary(p => p.Unicode, p => p.Vni);
        var builder = new StringBuilder();
        foreach (var c in unicode.Normalize(NormalizationForm.FormC))
        {
            builder.Append(c < 0x80 ? new string(c, 1) : map.TryGetValue(new string(c, 1), out var code) ? code
                : c is '–' or '“' or '”' ? new string(c, 1) : throw new ArgumentException($"no VNI spelling for {c}", nameof(unicode)));
        }

        return builder.ToString();
    }

    private static string Compose(string letter, int tone) => (letter + Tones[tone]).Normalize(NormalizationForm.FormC);
}
