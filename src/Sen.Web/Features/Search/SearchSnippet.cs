using System.Text;

namespace Sen.Web.Features.Search;

/// <summary>
/// Highlighted, HTML-encoded text built from the stored text (not by the database), so snippets
/// are the same on every backend. Only &lt;mark&gt; is markup; everything else is encoded.
/// </summary>
public static class SearchSnippet
{
    public const int DefaultLength = 260;

    /// <summary>The whole text with the query's words marked.</summary>
    public static string Highlight(string text, SearchQuery query) =>
        Build(text ?? "", query, 0, (text ?? "").Length, SearchText.Tokenize(text));

    /// <summary>The densest window of about <paramref name="length"/> characters, or null when no query word occurs in the text.</summary>
    public static string? Excerpt(string text, SearchQuery query, int length = DefaultLength)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var tokens = SearchText.Tokenize(text);
        var wanted = Wanted(query);
        var hits = tokens.Where(t => IsHit(t, wanted, query)).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        // The window start (a hit) whose next `length` characters hold the most distinct query words.
        var best = hits[0];
        var bestCount = 0;
        foreach (var hit in hits)
        {
            var count = hits.Where(h => h.Start >= hit.Start && h.Start + h.Length <= hit.Start + length).Select(h => h.Folded).Distinct(StringComparer.Ordinal).Count();
            if (count > bestCount)
            {
                (best, bestCount) = (hit, count);
            }
        }

        var start = Math.Max(0, best.Start - (length / 4));
        start = start == 0 ? 0 : Math.Min(WordStart(text, start), best.Start);
        var end = Math.Min(text.Length, start + length);
        end = end == text.Length ? end : WordEnd(text, end);
        var html = Build(text, query, start, end, tokens);
        return (start > 0 ? "… " : "") + html + (end < text.Length ? " …" : "");
    }

    /// <summary>The start of the text cut at a word boundary, encoded, for entries where no word matched.</summary>
    public static string Plain(string text, int length = DefaultLength)
    {
        text ??= "";
        if (text.Length <= length)
        {
            return Encode(text);
        }

        return Encode(text[..WordEnd(text, length)]) + " …";
    }

    private static HashSet<string> Wanted(SearchQuery query) => query.FoldedTokens.ToHashSet(StringComparer.Ordinal);

    private static bool IsHit(SearchText.Token token, HashSet<string> wanted, SearchQuery query) =>
        wanted.Contains(token.Folded)
        || (query.LastIsPrefix && token.Folded.StartsWith(query.FoldedTokens[^1], StringComparison.Ordinal));

    private static string Build(string text, SearchQuery query, int start, int end, List<SearchText.Token> tokens)
    {
        var wanted = Wanted(query);
        var builder = new StringBuilder(end - start + 64);
        var position = start;
        foreach (var token in tokens)
        {
            if (token.Start < start || token.Start + token.Length > end || !IsHit(token, wanted, query))
            {
                continue;
            }

            builder.Append(Encode(text[position..token.Start]))
                .Append("<mark>").Append(Encode(text.Substring(token.Start, token.Length))).Append("</mark>");
            position = token.Start + token.Length;
        }

        builder.Append(Encode(text[position..end]));
        return builder.ToString();
    }

    // Only the characters that are markup in HTML text and attributes; Vietnamese letters stay readable.
    private static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static int WordStart(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index - 1]))
        {
            index++;
        }

        return index;
    }

    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
