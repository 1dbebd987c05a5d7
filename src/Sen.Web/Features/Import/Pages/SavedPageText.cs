using System.Text;
using System.Text.RegularExpressions;

namespace Sen.Web.Features.Import.Pages;

/// <summary>
/// A saved page's bytes as text: a BOM first, then bytes that are valid UTF-8 (a page saved again by a browser often
/// keeps a stale declaration), then the declared charset (&lt;meta charset&gt;, http-equiv), then windows-1258, the
/// Vietnamese code page — or windows-1252 when the text is in a legacy font encoding (TCVN3, VNI), whose runs are
/// converted afterwards by their fonts.
/// </summary>
public static partial class SavedPageText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SavedPageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8, whatever it says: a single-byte code page.
        }

        if (Declared(bytes) is { } declared && !IsUtf(declared))
        {
            return declared.GetString(bytes);
        }

        var western = Encoding.GetEncoding(1252).GetString(bytes);
        return Sen.Web.Text.LegacyEncodings.Detect(western) != Sen.Web.Text.LegacyEncoding.None ? western : Encoding.GetEncoding(1258).GetString(bytes);
    }

    private static bool IsUtf(Encoding encoding) => encoding.CodePage is 65001 or 1200 or 1201;

    /// <summary>The charset the page declares in its first few kilobytes, when .NET knows it.</summary>
    private static Encoding? Declared(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var match = CharsetPattern().Match(head);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(match.Groups["name"].Value.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<name>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CharsetPattern();
}
