using System.Text;
using AngleSharp.Html.Parser;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>
/// A whole old file to Unicode: `sen text convert`. Plain text is converted from the encoding given (or detected);
/// an HTML page run by run, where its fonts say, and elsewhere as given, and then declares UTF-8.
/// </summary>
public static class ConvertLegacyText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Result(string Text, LegacyEncoding Encoding, int Runs);

    /// <summary>Converts a file's bytes; <paramref name="from"/> is its encoding, null to detect it.</summary>
    public static Result Convert(byte[] bytes, bool isHtml, LegacyEncoding? from)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = ReadChars(bytes);
        if (!isHtml)
        {
            var encoding = from ?? LegacyEncodings.Detect(text);
            return new Result(LegacyEncodings.ToUnicode(text, encoding), encoding, encoding == LegacyEncoding.None ? 0 : 1);
        }

        var document = new HtmlParser().ParseDocument(text);
        var unnamed = from ?? LegacyFontRuns.DetectUnnamed(document);
        var runs = LegacyFontRuns.Convert(document, unnamed);
        foreach (var declaration in document.QuerySelectorAll("meta[charset], meta[http-equiv]").ToList())
        {
            if (declaration.HasAttribute("charset") || string.Equals(declaration.GetAttribute("http-equiv"), "content-type", StringComparison.OrdinalIgnoreCase))
            {
                declaration.Remove();
            }
        }

        var charset = document.CreateElement("meta");
        charset.SetAttribute("charset", "utf-8");
        document.Head?.Prepend(charset);
        return new Result(document.DocumentElement.OuterHtml.Insert(0, "<!DOCTYPE html>\n"), unnamed, runs);
    }

    /// <summary>
    /// Legacy text saved as UTF-8 (pasted into a newer system, "Hµ Néi" in UTF-8) keeps its characters; anything
    /// that is not valid UTF-8 is the original bytes, read as windows-1252 as browsers read these pages.
    /// </summary>
    private static string ReadChars(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }
}
