using Sen.Web.Features.Search;

namespace Sen.Tests.Search;

public sealed class SearchSnippetTests
{
    [Fact]
    public void Highlight_marks_words_whatever_their_diacritics_and_encodes_the_rest()
    {
        var html = SearchSnippet.Highlight("Quế Sơn <b>& quê sơn</b>", SearchQuery.Parse("que son"));
        Assert.Equal("<mark>Quế</mark> <mark>Sơn</mark> &lt;b&gt;&amp; <mark>quê</mark> <mark>sơn</mark>&lt;/b&gt;", html);
    }

    [Fact]
    public void Highlight_does_not_mark_parts_of_words()
    {
        Assert.Equal("<mark>Sơn</mark> Trà, <mark>sơn</mark>, sơnca", SearchSnippet.Highlight("Sơn Trà, sơn, sơnca", SearchQuery.Parse("son")));
        Assert.Equal("Đảngbộ", SearchSnippet.Highlight("Đảngbộ", SearchQuery.Parse("dang")));
    }

    [Fact]
    public void Excerpt_is_a_window_around_the_words_cut_at_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Repeat("lời mở đầu dài dòng", 40)) + " Hội nghị tổng kết Kết luận số 62-KL/TW tại Quế Sơn. " + string.Join(' ', Enumerable.Repeat("phần cuối bài", 40));
        var excerpt = SearchSnippet.Excerpt(text, SearchQuery.Parse("ket luan 62"))!;
        Assert.StartsWith("… ", excerpt, StringComparison.Ordinal);
        Assert.EndsWith(" …", excerpt, StringComparison.Ordinal);
        Assert.Contains("<mark>Kết</mark> <mark>luận</mark> số <mark>62</mark>-KL/TW", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length < 400);
        Assert.Null(SearchSnippet.Excerpt(text, SearchQuery.Parse("không có")));
    }

    [Fact]
    public void Plain_cuts_long_text_at_a_word_and_encodes_it()
    {
        Assert.Equal("a &lt; b", SearchSnippet.Plain("a < b"));
        Assert.Equal("một hai …", SearchSnippet.Plain("một hai ba", 5));
    }
}
