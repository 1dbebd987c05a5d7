using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Sen.Web.Features.Import.WordPress;

/// <summary>
/// Reads a WXR file one child of &lt;channel&gt; at a time (authors, categories, items), never the whole document:
/// memory stays flat however large the export. A broken file (truncated, invalid XML) throws
/// <see cref="XmlException"/> at the point of the break; everything returned before it is whole.
/// </summary>
public sealed partial class WordPressExportFile : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly StreamReader text;
    private readonly XmlReader reader;
    private bool inChannel;
    private bool done;

    private WordPressExportFile(string path, Encoding encoding)
    {
        text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        // From a TextReader the declaration's encoding is not applied: the one chosen by Detect is.
        reader = XmlReader.Create(text, new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Ignore,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // WordPress exports often hold control characters pasted from Word; they are not worth losing a post over.
            CheckCharacters = false,
        });
    }

    /// <summary>The line the reader is on, for reports of a break.</summary>
    public int Line => (reader as IXmlLineInfo)?.LineNumber ?? 0;

    /// <summary>Opens an export in the encoding its bytes are in; <paramref name="note"/> says when that is not the declared one.</summary>
    public static WordPressExportFile Open(string path, out string? note)
    {
        var encoding = Detect(path, out note);
        return new WordPressExportFile(path, encoding);
    }

    /// <summary>The next child element of &lt;channel&gt;, or null at its end.</summary>
    public async Task<XElement?> NextAsync(CancellationToken cancellationToken)
    {
        if (done)
        {
            return null;
        }

        if (!inChannel)
        {
            if (!await EnterChannelAsync().ConfigureAwait(false))
            {
                done = true;
                return null;
            }

            inChannel = true;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return (XElement)await XNode.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
                case XmlNodeType.EndElement:
                    done = true;
                    return null;
                default:
                    if (!await reader.ReadAsync().ConfigureAwait(false))
                    {
                        throw new XmlException("Tệp kết thúc giữa chừng / unexpected end of file", null, Line, 0);
                    }

                    break;
            }
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        text.Dispose();
    }

    private async Task<bool> EnterChannelAsync()
    {
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "channel")
            {
                return !reader.IsEmptyElement && await reader.ReadAsync().ConfigureAwait(false);
            }
        }

        return false;
    }

    /// <summary>
    /// The declared encoding, unless the start of the file (1 MB) says otherwise: an export declared ISO-8859-1 or
    /// windows-1252 whose bytes are valid UTF-8 with non-ASCII letters is UTF-8 (Vietnamese in Latin-1 cannot be
    /// written at all), and one declared UTF-8 whose bytes are not is read as windows-1252, as browsers would.
    /// </summary>
    internal static Encoding Detect(string path, out string? note)
    {
        note = null;
        var head = new byte[1 << 20];
        int length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var declared = Declaration().Match(Encoding.Latin1.GetString(head, 0, Math.Min(length, 512))) is { Success: true } match
            ? match.Groups[1].Value.Trim()
            : "utf-8";
        var utf8 = IsUtf8(head.AsSpan(0, length), out var nonAscii);
        var declaredUtf8 = declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || declared.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        if (declaredUtf8)
        {
            if (utf8)
            {
                return new UTF8Encoding(false);
            }

            note = "Tệp khai báo UTF-8 nhưng không phải UTF-8, đọc theo windows-1252 / declared UTF-8 but is not; read as windows-1252";
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        }

        if (utf8 && nonAscii)
        {
            note = $"Tệp khai báo {declared} nhưng là UTF-8 / declared {declared} but is UTF-8";
            return new UTF8Encoding(false);
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(declared) ?? Encoding.GetEncoding(declared);
        }
        catch (ArgumentException)
        {
            note = $"Bảng mã không rõ {declared}, đọc theo UTF-8 / unknown encoding {declared}; read as UTF-8";
            return new UTF8Encoding(false);
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, out bool nonAscii)
    {
        nonAscii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0;
        // The 1 MB cut may fall inside a letter: drop an incomplete sequence at the end.
        var end = bytes.Length;
        for (var back = 1; back <= 3 && end - back >= 0; back++)
        {
            var b = bytes[end - back];
            if ((b & 0xC0) == 0xC0)
            {
                end -= back;
                break;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        try
        {
            StrictUtf8.GetCharCount(bytes[..end]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex("""^\s*(?:\uFEFF|ï»¿)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""")]
    private static partial Regex Declaration();
}
