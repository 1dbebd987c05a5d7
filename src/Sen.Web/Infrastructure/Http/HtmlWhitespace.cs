namespace Sen.Web.Infrastructure.Http;

/// <summary>
/// Drops the templates' indentation from a rendered page: every run of whitespace that holds a line break
/// becomes one line break. A browser shows such a run as one space at most, so the page looks and reads
/// the same, and is about 8 % smaller (a category page: 25.0 KB to 23.1 KB). Inside <c>pre</c> and
/// <c>textarea</c>, where whitespace is content, nothing changes. Works on UTF-8 bytes in place: only
/// ASCII whitespace is touched, so no character is split.
/// </summary>
public static class HtmlWhitespace
{
    private static ReadOnlySpan<byte> Pre => "pre"u8;

    private static ReadOnlySpan<byte> TextArea => "textarea"u8;

    /// <summary>Compacts <paramref name="html"/> in place and returns its new length.</summary>
    public static int Compact(Span<byte> html)
    {
        var write = 0;
        var read = 0;
        while (read < html.Length)
        {
            var b = html[read];
            if (b == (byte)'<' && VerbatimElement(html[(read + 1)..]) is { Length: > 0 } name)
            {
                var end = EndOfVerbatim(html, read + 1 + name.Length, name);
                html[read..end].CopyTo(html[write..]);
                write += end - read;
                read = end;
                continue;
            }

            if (IsSpace(b))
            {
                var runEnd = read;
                var lineBreak = false;
                while (runEnd < html.Length && IsSpace(html[runEnd]))
                {
                    lineBreak |= html[runEnd] == (byte)'\n';
                    runEnd++;
                }

                if (lineBreak)
                {
                    html[write++] = (byte)'\n';
                    read = runEnd;
                    continue;
                }

                html[read..runEnd].CopyTo(html[write..]);
                write += runEnd - read;
                read = runEnd;
                continue;
            }

            html[write++] = b;
            read++;
        }

        return write;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    // "pre" or "textarea" when the tag that starts here opens one of them, else empty.
    private static ReadOnlySpan<byte> VerbatimElement(ReadOnlySpan<byte> afterLessThan)
    {
        if (StartsWithName(afterLessThan, Pre))
        {
            return Pre;
        }

        return StartsWithName(afterLessThan, TextArea) ? TextArea : [];
    }

    private static bool StartsWithName(ReadOnlySpan<byte> text, ReadOnlySpan<byte> name) =>
        text.Length > name.Length
        && System.Text.Ascii.EqualsIgnoreCase(text[..name.Length], name)
        && text[name.Length] is (byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    // Just past the element's end tag, or the end of the page when it is never closed.
    private static int EndOfVerbatim(ReadOnlySpan<byte> html, int from, ReadOnlySpan<byte> name)
    {
        for (var i = from; i < html.Length - 1 - name.Length; i++)
        {
            if (html[i] == (byte)'<' && html[i + 1] == (byte)'/' && StartsWithName(html[(i + 2)..], name))
            {
                var close = html[(i + 2 + name.Length)..].IndexOf((byte)'>');
                return close < 0 ? html.Length : i + 2 + name.Length + close + 1;
            }
        }

        return html.Length;
    }
}
