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

    /// <summary>Tokens of NFC text with their positions in it (text that is not NFC is normalized first).</summary>
    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        text = VietnameseText.Nfc(text)!;
        var exact = new StringBuilder(MaxTokenLength);
        var folded = new StringBuilder(MaxTokenLength);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            exact.Clear();
            folded.Clear();
            for (; i < text.Length && IsTokenChar(text[i]); i++)
            {
                var c = text[i];

                // NFC leaves no combining marks in Vietnamese; any left (other scripts) would split tokens in FTS5.
                if (exact.Length >= MaxTokenLength || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                {
                    continue;
                }

                var lower = char.ToLowerInvariant(c);
                exact.Append(lower);
                folded.Append(FoldChar(lower));
            }

            if (folded.Length > 0)
            {
                tokens.Add(new Token(exact.ToString(), folded.Length > MaxTokenLength ? folded.ToString(0, MaxTokenLength) : folded.ToString(), start, i - start));
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

    // Folding is per letter for NFC text (every Vietnamese letter is one precomposed character), so each
    // character's fold is computed once, through VietnameseText.Fold, and remembered.
    private static readonly string?[] FoldTable = new string?[char.MaxValue + 1];

    private static string FoldChar(char c)
    {
        if (c < 0x80)
        {
            return FoldTable[c] ??= c.ToString();
        }

        return FoldTable[c] ??= VietnameseText.Fold(c.ToString());
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
