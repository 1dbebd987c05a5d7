using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Sen.Web.Text;

namespace Sen.Web.Features.Search;

/// <summary>
/// Sen's one tokenizer, used for indexing and for queries alike: a token is a run of letters and
/// digits; everything else (spaces, punctuation, "-", "/", FTS syntax) separates tokens.
/// </summary>
public static class SearchText
{
    public const int MaxTokenLength = 64;

    private static readonly HtmlParser Parser = new();

    /// <summary>A token as written (NFC, lower case) and folded.</summary>
    public readonly record struct Token(string Exact, string Folded, int Start, int Length)
    {
        public bool HasMarks => !string.Equals(Exact, Folded, StringComparison.Ordinal);
    }

    /// <summary>Tokens of NFC text with their positions in it.</summary>
    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            var raw = text[start..i];
            var exact = StripMarks(VietnameseText.Nfc(raw)!.ToLowerInvariant());
            var folded = VietnameseText.Fold(exact);
            if (exact.Length > MaxTokenLength)
            {
                exact = exact[..MaxTokenLength];
                folded = folded.Length > MaxTokenLength ? folded[..MaxTokenLength] : folded;
            }

            if (folded.Length > 0)
            {
                tokens.Add(new Token(exact, folded, start, i - start));
            }
        }

        return tokens;
    }

    /// <summary>Folded tokens joined by single spaces: what the index stores and matches.</summary>
    public static string Folded(string? text) => Join(Tokenize(text), folded: true);

    /// <summary>Exact (NFC, lower-case) tokens joined by single spaces.</summary>
    public static string Exact(string? text) => Join(Tokenize(text), folded: false);

    /// <summary>The text a reader sees of sanitized HTML: block elements become line breaks.</summary>
    public static string HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = Parser.ParseDocument("<body>" + html + "</body>");
        var builder = new StringBuilder(html.Length);
        foreach (var block in document.Body!.QuerySelectorAll("p, li, h2, h3, h4, figcaption, blockquote, td, th, caption, br"))
        {
            block.InsertBefore(document.CreateTextNode("\n"), block.FirstChild);
            block.AppendChild(document.CreateTextNode("\n"));
        }

        var previousSpace = true;
        foreach (var c in document.Body.TextContent)
        {
            var space = char.IsWhiteSpace(c);
            if (space)
            {
                if (!previousSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return VietnameseText.Nfc(builder.ToString().Trim())!;
    }

    private static string Join(List<Token> tokens, bool folded)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(folded ? token.Folded : token.Exact);
        }

        return builder.ToString();
    }

    // NFC leaves no combining marks in Vietnamese; any left (other scripts) would split tokens in FTS5.
    private static string StripMarks(string exact)
    {
        if (!exact.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
        {
            return exact;
        }

        return string.Concat(exact.Where(c => char.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)));
    }

    // Letters and digits only (with combining marks, should NFD text slip through), so both FTS5's
    // unicode61 tokenizer and PostgreSQL's parser see exactly the tokens Sen wrote.
    private static bool IsTokenChar(char c) =>
        char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
}
