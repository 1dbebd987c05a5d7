using Sen.Web.Features.Search;

namespace Sen.Tests.Search;

public sealed class SearchRankingTests
{
    private static SearchRanking.Fields Entry(int id, string title, string lead = "") =>
        new(id, SearchText.Folded(title), SearchText.Exact(title), SearchText.Folded(lead), SearchText.Exact(lead), "", new DateTime(2020, 1, id, 0, 0, 0, DateTimeKind.Utc));

    private static IReadOnlyList<int> Order(string q, params SearchRanking.Fields[] entries) =>
        SearchRanking.Order(SearchQuery.Parse(q), entries);

    [Fact]
    public void Exact_diacritics_rank_above_folded_only_matches() =>
        Assert.Equal([2, 1], Order("Đà Nẵng", Entry(1, "Nhà văn hóa đa năng"), Entry(2, "Hợp tác với Đà Nẵng")));

    [Fact]
    public void Title_ranks_above_lead() =>
        Assert.Equal([2, 1], Order("chuyen doi so", Entry(1, "Hội thảo", "Bàn về chuyển đổi số"), Entry(2, "Chuyển đổi số", "Hội thảo")));

    [Fact]
    public void Adjacent_words_rank_above_scattered_words() =>
        Assert.Equal([2, 1], Order("nong thon moi", Entry(1, "Thôn mới ở vùng nông thôn"), Entry(2, "Xã đạt chuẩn nông thôn mới")));

    [Fact]
    public void Equal_scores_follow_the_backend_order() =>
        Assert.Equal([1, 2], Order("hoi nghi", Entry(1, "Hội nghị"), Entry(2, "Hội nghị")));

    [Fact]
    public void Prefix_of_the_last_word_counts_only_at_a_word_start() =>
        Assert.Equal([2, 1], Order2("dai ho", Entry(1, "Đại biểu Khoa"), Entry(2, "Đại hội đảng bộ")));

    [Fact]
    public void Words_inside_other_words_do_not_count() =>
        Assert.Equal([2, 1], Order("son", Entry(1, "Bàn sonata ở Quesonx", "Bàn sonata"), Entry(2, "Huyện Quế Sơn", "Bàn")));

    /// <summary>
    /// The ranking finds words inside the stored strings without splitting them; splitting them into token arrays is
    /// the plain reading of what it must do, kept here as the reference. Both must score every candidate alike.
    /// </summary>
    [Fact]
    public void Ranking_agrees_with_comparing_token_arrays_on_random_candidates()
    {
        string[] words = ["đảng", "dang", "bộ", "bo", "quế", "que", "sơn", "son", "sonata", "hội", "hoi", "nghị", "nghi", "đại", "dai", "h", "ho"];
        var random = new Random(62);
        string Text(int max) => string.Join(' ', Enumerable.Range(0, random.Next(max + 1)).Select(_ => words[random.Next(words.Length)]));
        for (var round = 0; round < 300; round++)
        {
            var q = random.Next(4) == 0 ? "\"" + Text(3) + "\" " + Text(2) : Text(4);
            var query = SearchQuery.Parse(q, lastIsPrefix: random.Next(2) == 0);
            if (query.IsEmpty)
            {
                continue;
            }

            var entries = Enumerable.Range(1, 20).Select(id => new SearchRanking.Fields(
                id, SearchText.Folded(Text(8)), "", SearchText.Folded(Text(12)), "", SearchText.Folded(Text(3)), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(5)))).ToList();
            entries = entries.Select(e => e with { TitleExact = Marked(e.TitleFolded, random), LeadExact = Marked(e.LeadFolded, random) }).ToList();

            Assert.Equal(ReferenceOrder(query, entries), SearchRanking.Order(query, entries));
        }
    }

    private static IReadOnlyList<int> Order2(string q, params SearchRanking.Fields[] entries) =>
        SearchRanking.Order(SearchQuery.Parse(q, lastIsPrefix: true), entries);

    // Stands in for the words as typed: each folded word, or a marked spelling of it.
    private static string Marked(string folded, Random random) =>
        string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => random.Next(2) == 0 ? w : w switch
        {
            "dang" => "đảng",
            "bo" => "bộ",
            "que" => "quế",
            "son" => "sơn",
            "hoi" => "hội",
            "nghi" => "nghị",
            "dai" => "đại",
            _ => w,
        }));

    private static List<int> ReferenceOrder(SearchQuery query, List<SearchRanking.Fields> candidates)
    {
        var folded = query.FoldedTokens.Distinct(StringComparer.Ordinal).ToList();
        var sequence = query.FoldedTokens;
        var marked = query.Tokens.Where(t => t.HasMarks).Select(t => t.Exact).Distinct(StringComparer.Ordinal).ToList();
        var phrases = query.Groups.Where(g => g.Count > 1).Select(g => g.Select(t => t.Folded).ToList()).ToList();
        var prefix = query.LastIsPrefix ? sequence[^1] : null;
        var scored = new List<(int Id, double Score, DateTime PublishedAt)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var f = candidates[i];
            string[] title = Split(f.TitleFolded), titleExact = Split(f.TitleExact), lead = Split(f.LeadFolded), leadExact = Split(f.LeadExact), extra = Split(f.ExtraFolded);
            var score = 10 * Coverage(folded, title, prefix) + 4 * Coverage(folded, lead, prefix) + 3 * Coverage(folded, extra, prefix);
            if (sequence.Count > 1)
            {
                score += Run(title, sequence, prefix) ? 6 : Run(extra, sequence, prefix) ? 6 : Run(lead, sequence, prefix) ? 3 : 0;
            }

            foreach (var phrase in phrases)
            {
                score += Run(title, phrase, null) ? 4 : Run(lead, phrase, null) ? 2 : 0;
            }

            if (marked.Count > 0)
            {
                score += 8 * Coverage(marked, titleExact, null) + 3 * Coverage(marked, leadExact, null);
            }

            score += 3.0 * (candidates.Count - i) / candidates.Count;
            scored.Add((f.EntryId, score, f.PublishedAt));
        }

        return scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Select(s => s.Id).ToList();

        static string[] Split(string tokens) => tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        static double Coverage(List<string> wanted, string[] tokens, string? prefix) =>
            wanted.Count == 0 || tokens.Length == 0 ? 0
                : (double)wanted.Count(w => tokens.Contains(w) || (w == prefix && tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)))) / wanted.Count;

        static bool Run(string[] tokens, IReadOnlyList<string> sequence, string? prefix) =>
            Enumerable.Range(0, Math.Max(0, tokens.Length - sequence.Count + 1)).Any(start => sequence.Select((w, j) =>
                tokens[start + j] == w || (j == sequence.Count - 1 && prefix is not null && tokens[start + j].StartsWith(w, StringComparison.Ordinal))).All(ok => ok));
    }
}
