namespace Sen.Web.Features.Search;

/// <summary>
/// Sen's ordering of the backend's candidates (the newest matches), in C# so both backends rank
/// alike: title before lead, the words as typed (with their diacritics) before folded-only
/// matches, the whole query as a phrase before scattered words, then the candidates' order (newer first).
/// </summary>
public static class SearchRanking
{
    public sealed record Fields(int EntryId, string TitleFolded, string TitleExact, string LeadFolded, string LeadExact, string ExtraFolded, DateTime PublishedAt);

    /// <summary>Entry ids, best first; <paramref name="candidates"/> come in the backend's order (newest first).</summary>
    public static IReadOnlyList<int> Order(SearchQuery query, IReadOnlyList<Fields> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var folded = query.FoldedTokens.Distinct(StringComparer.Ordinal).ToList();
        var sequence = query.FoldedTokens;
        var marked = query.Tokens.Where(t => t.HasMarks).Select(t => t.Exact).Distinct(StringComparer.Ordinal).ToList();
        var phrases = query.Groups.Where(g => g.Count > 1).Select(g => string.Join(' ', g.Select(t => t.Folded))).ToList();
        var prefix = query.LastIsPrefix ? sequence[^1] : null;
        var whole = string.Join(' ', sequence);

        var scored = new List<(int Id, double Score, DateTime PublishedAt)>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var f = candidates[i];
            var score = 10 * Coverage(folded, f.TitleFolded, prefix) + 4 * Coverage(folded, f.LeadFolded, prefix) + 3 * Coverage(folded, f.ExtraFolded, prefix);
            if (sequence.Count > 1)
            {
                score += Contains(f.TitleFolded, whole, prefix is not null) ? 6 : Contains(f.ExtraFolded, whole, prefix is not null) ? 6 : Contains(f.LeadFolded, whole, prefix is not null) ? 3 : 0;
            }

            foreach (var phrase in phrases)
            {
                score += Contains(f.TitleFolded, phrase, false) ? 4 : Contains(f.LeadFolded, phrase, false) ? 2 : 0;
            }

            if (marked.Count > 0)
            {
                score += 8 * Coverage(marked, f.TitleExact, null) + 3 * Coverage(marked, f.LeadExact, null);
            }

            // The candidates' order (newest first) decides among equals.
            score += 3.0 * (candidates.Count - i) / candidates.Count;
            scored.Add((f.EntryId, score, f.PublishedAt));
        }

        return scored
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.PublishedAt)
            .ThenByDescending(s => s.Id)
            .Select(s => s.Id)
            .ToList();
    }

    // The stored fields are tokens joined by single spaces (SearchText), so a token, or a run of adjacent tokens, is a
    // substring that starts and ends at a space or an end: found without splitting 1,000 candidates into 5 arrays each.
    private static double Coverage(List<string> wanted, string tokens, string? prefix)
    {
        if (wanted.Count == 0 || tokens.Length == 0)
        {
            return 0;
        }

        var found = 0;
        foreach (var w in wanted)
        {
            if (Contains(tokens, w, w == prefix))
            {
                found++;
            }
        }

        return (double)found / wanted.Count;
    }

    /// <summary>Whether <paramref name="tokens"/> holds <paramref name="words"/> as whole tokens; the last one may be a token's start when <paramref name="lastIsPrefix"/>.</summary>
    private static bool Contains(string tokens, string words, bool lastIsPrefix)
    {
        for (var at = tokens.IndexOf(words, StringComparison.Ordinal); at >= 0; at = tokens.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var end = at + words.Length;
            if ((at == 0 || tokens[at - 1] == ' ') && (lastIsPrefix || end == tokens.Length || tokens[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
