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
        var phrases = query.Groups.Where(g => g.Count > 1).Select(g => g.Select(t => t.Folded).ToList()).ToList();
        var prefix = query.LastIsPrefix ? sequence[^1] : null;

        var scored = new List<(int Id, double Score, DateTime PublishedAt)>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var f = candidates[i];
            var title = Split(f.TitleFolded);
            var titleExact = Split(f.TitleExact);
            var lead = Split(f.LeadFolded);
            var leadExact = Split(f.LeadExact);
            var extra = Split(f.ExtraFolded);

            var score = 10 * Coverage(folded, title, prefix) + 4 * Coverage(folded, lead, prefix) + 3 * Coverage(folded, extra, prefix);
            if (sequence.Count > 1)
            {
                score += Contains(title, sequence, prefix) ? 6 : Contains(extra, sequence, prefix) ? 6 : Contains(lead, sequence, prefix) ? 3 : 0;
            }

            foreach (var phrase in phrases)
            {
                score += Contains(title, phrase, null) ? 4 : Contains(lead, phrase, null) ? 2 : 0;
            }

            if (marked.Count > 0)
            {
                score += 8 * Coverage(marked, titleExact, null) + 3 * Coverage(marked, leadExact, null);
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

    private static string[] Split(string tokens) => tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static double Coverage(List<string> wanted, string[] tokens, string? prefix)
    {
        if (wanted.Count == 0 || tokens.Length == 0)
        {
            return 0;
        }

        var found = 0;
        foreach (var w in wanted)
        {
            if (Array.IndexOf(tokens, w) >= 0 || (w == prefix && tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal))))
            {
                found++;
            }
        }

        return (double)found / wanted.Count;
    }

    private static bool Contains(string[] tokens, IReadOnlyList<string> sequence, string? prefix)
    {
        for (var start = 0; start + sequence.Count <= tokens.Length; start++)
        {
            var all = true;
            for (var j = 0; j < sequence.Count && all; j++)
            {
                var token = tokens[start + j];
                all = token == sequence[j] || (j == sequence.Count - 1 && prefix is not null && token.StartsWith(sequence[j], StringComparison.Ordinal));
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
