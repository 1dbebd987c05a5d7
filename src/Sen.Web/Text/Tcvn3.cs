using System.Text;

namespace Sen.Web.Text;

/// <summary>
/// TCVN 5712:1993 to Unicode, one code at a time. The table is the standard's full VN1 set (as GNU iconv's
/// TCVN5712-1 decodes it): the ABC fonts' lower-case letters and ĂÂÊÔƠƯĐ at 0xA1–0xFE, the combining tones at
/// 0xB0–0xB4, and the capitals with tones VN1 adds at the control codes and in the high half.
/// </summary>
public static class Tcvn3
{
    // 0xA0–0xFF, sixteen codes a line.
    private const string High =
        "\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0" +
        "\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4" +
        "\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD" +
        "\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2" +
        "\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9" +
        "\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0";

    // 0x80–0x9F: VN1's capitals. Text decoded as windows-1252 has its quotes and dashes there instead, and keeps them.
    private const string C1 =
        "\u00C0\u1EA2\u00C3\u00C1\u1EA0\u1EB6\u1EAC\u00C8\u1EBA\u1EBC\u00C9\u1EB8\u1EC6\u00CC\u1EC8\u0128" +
        "\u00CD\u1ECA\u00D2\u1ECE\u00D5\u00D3\u1ECC\u1ED8\u1EDC\u1EDE\u1EE0\u1EDA\u1EE2\u00D9\u1EE6\u0168";

    private static readonly char[] Table = BuildTable();

    /// <summary>The Unicode character a code (or a character holding a code, U+0000–U+00FF) stands for.</summary>
    public static char Decode(char code) => code < Table.Length ? Table[code] : code;

    /// <summary>Converts text whose characters hold TCVN3 codes; <paramref name="capitals"/> for the ABC capitals fonts. The result is NFC.</summary>
    public static string ToUnicode(string text, bool capitals = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Decode(c));
        }

        var unicode = builder.ToString().Normalize(NormalizationForm.FormC);
        return capitals ? unicode.ToUpperInvariant() : unicode;
    }

    /// <summary>True for codes only TCVN3 text has: its letters at codes that VNI never uses and Vietnamese Unicode text does not (í and ý are left out: Unicode has them too).</summary>
    public static bool IsSignature(char c) => c is (>= '\u00A1' and <= '\u00AE') or (>= '\u00B5' and <= '\u00B9') or (>= '\u00BB' and <= '\u00BE')
        or '\u00C7' or '\u00D0' or '\u00D7' or '\u00DE' or '\u00DF' or '\u00E7' or '\u00F7' or '\u00FE';

    private static char[] BuildTable()
    {
        var table = new char[0x100];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        // VN1 puts capitals at control codes that text never holds; tab, line feed and return are not among them.
        (int Code, char Letter)[] control =
        [
            (0x01, '\u00DA'), (0x02, '\u1EE4'), (0x04, '\u1EEA'), (0x05, '\u1EEC'), (0x06, '\u1EEE'), (0x11, '\u1EE8'),
            (0x12, '\u1EF0'), (0x13, '\u1EF2'), (0x14, '\u1EF6'), (0x15, '\u1EF8'), (0x16, '\u00DD'), (0x17, '\u1EF4'),
        ];
        foreach (var (code, letter) in control)
        {
            table[code] = letter;
        }

        C1.CopyTo(0, table, 0x80, C1.Length);
        High.CopyTo(0, table, 0xA0, High.Length);
        return table;
    }
}
