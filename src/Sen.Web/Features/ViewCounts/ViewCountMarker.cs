using System.Buffers.Text;
using System.Globalization;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// The stand-in for the live view count in a rendered (and output-cached) article page. It is an HTML
/// comment, so no reader ever sees it: titles and leads are HTML-encoded and article bodies pass the
/// sanitizer, which drops comments, so the first marker in a page is always the one Sen wrote.
/// </summary>
public static class ViewCountMarker
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"&lt;!--sen:views:{articleId}:{stored at render time}--&gt;".</summary>
    public static string For(int articleId, long storedAtRender) =>
        string.Create(CultureInfo.InvariantCulture, $"<!--sen:views:{articleId}:{storedAtRender}-->");

    /// <summary>The count as readers see it: "1.234".</summary>
    public static string Format(long views) => views.ToString("N0", Vietnamese);

    internal static ReadOnlySpan<byte> Prefix => "<!--sen:views:"u8;

    private static ReadOnlySpan<byte> Suffix => "-->"u8;

    /// <summary>Finds the first marker in a UTF-8 page.</summary>
    public static bool TryFind(ReadOnlySpan<byte> page, out int start, out int length, out int articleId, out long storedAtRender)
    {
        start = page.IndexOf(Prefix);
        length = 0;
        articleId = 0;
        storedAtRender = 0;
        if (start < 0)
        {
            return false;
        }

        var rest = page[(start + Prefix.Length)..];
        if (!Utf8Parser.TryParse(rest, out articleId, out var idLength) || idLength >= rest.Length || rest[idLength] != (byte)':')
        {
            return false;
        }

        rest = rest[(idLength + 1)..];
        if (!Utf8Parser.TryParse(rest, out storedAtRender, out var storedLength) || !rest[storedLength..].StartsWith(Suffix))
        {
            return false;
        }

        length = Prefix.Length + idLength + 1 + storedLength + Suffix.Length;
        return true;
    }

    /// <summary>Room for any count as <see cref="FormatUtf8"/> writes it.</summary>
    internal const int MaxUtf8Length = 64;

    /// <summary>Writes <see cref="Format"/>'s text as UTF-8 without allocating; returns its length.</summary>
    internal static int FormatUtf8(long views, Span<byte> destination) =>
        views.TryFormat(destination, out var written, "N0", Vietnamese) ? written : throw new ArgumentException("Too small for the count.", nameof(destination));
}
