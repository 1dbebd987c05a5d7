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
}
