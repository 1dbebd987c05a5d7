using Sen.Web.Text;

namespace Sen.Web.Features.Search;

/// <summary>
/// A reader's query, reduced to Sen's tokens: quoted parts ("kết luận 62") become phrases that
/// must appear in order, the rest are words that must all appear. No character of the reader's
/// text ever reaches FTS5 or tsquery syntax: backends receive only these tokens, each quoted.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTokens = 12;

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchText.Token>> groups, bool lastIsPrefix)
    {
        Groups = groups;
        LastIsPrefix = lastIsPrefix;
    }

    /// <summary>Each group is one word or one quoted phrase; a hit contains every group.</summary>
    public IReadOnlyList<IReadOnlyList<SearchText.Token>> Groups { get; }

    /// <summary>True for suggestions: the last word, still being typed, matches as a prefix.</summary>
    public bool LastIsPrefix { get; }

    public bool IsEmpty => Groups.Count == 0;

    public IEnumerable<SearchText.Token> Tokens => Groups.SelectMany(g => g);

    /// <summary>All tokens in the order typed, for phrase boosts and highlighting.</summary>
    public IReadOnlyList<string> FoldedTokens => Tokens.Select(t => t.Folded).ToList();

    public static SearchQuery Parse(string? text, bool lastIsPrefix = false)
    {
        var groups = new List<IReadOnlyList<SearchText.Token>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchQuery(groups, false);
        }

        var clean = VietnameseText.Nfc(text.Length > MaxLength ? text[..MaxLength] : text)!
            .Replace('“', '"').Replace('”', '"').Replace('„', '"');
        var count = 0;
        var parts = clean.Split('"');
        var endsInsideQuote = parts.Length % 2 == 0;
        for (var i = 0; i < parts.Length && count < MaxTokens; i++)
        {
            var quoted = i % 2 == 1 && !(endsInsideQuote && i == parts.Length - 1);
            var tokens = SearchText.Tokenize(parts[i]);
            if (quoted && tokens.Count > 1)
            {
                var phrase = tokens.Take(MaxTokens - count).ToList();
                groups.Add(phrase);
                count += phrase.Count;
                continue;
            }

            foreach (var token in tokens)
            {
                if (count++ >= MaxTokens)
                {
                    break;
                }

                groups.Add([token]);
            }
        }

        // One letter as a prefix would match half the dictionary.
        var prefix = lastIsPrefix && groups.Count > 0 && groups[^1].Count == 1 && groups[^1][0].Folded.Length >= 2
            && !clean.EndsWith('"') && clean.Length > 0 && !char.IsWhiteSpace(clean[^1]);
        return new SearchQuery(groups, prefix);
    }
}
