using System.Text;
using Sen.Web.Features.Search;

namespace Sen.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void Tokenizer_splits_on_everything_but_letters_and_digits_and_folds_each_token()
    {
        var tokens = SearchText.Tokenize("Kết luận số 62-KL/TW (Quế Sơn)");
        Assert.Equal(["kết", "luận", "số", "62", "kl", "tw", "quế", "sơn"], tokens.Select(t => t.Exact));
        Assert.Equal(["ket", "luan", "so", "62", "kl", "tw", "que", "son"], tokens.Select(t => t.Folded));
        Assert.Equal("Quế", "Kết luận số 62-KL/TW (Quế Sơn)".Substring(tokens[6].Start, tokens[6].Length));
    }

    [Fact]
    public void Decomposed_and_composed_text_give_the_same_tokens()
    {
        var nfd = "ĐẢNG BỘ Quế Sơn".Normalize(NormalizationForm.FormD);
        Assert.Equal("dang bo que son", SearchText.Folded(nfd));
        Assert.Equal("đảng bộ quế sơn", SearchText.Exact(nfd));
    }

    [Fact]
    public void Html_to_text_strips_markup_and_separates_blocks()
    {
        Assert.Equal("Đoạn một. Đoạn hai có in đậm.", SearchText.HtmlToText("<p>Đoạn một.</p><p>Đoạn <strong>hai</strong> có in đậm.</p>"));
        Assert.Equal("a b", SearchText.HtmlToText("<ul><li>a</li><li>b</li></ul>"));
        Assert.Equal("", SearchText.HtmlToText(null));
    }

    [Fact]
    public void Quoted_parts_become_phrases_and_the_rest_single_words()
    {
        var query = SearchQuery.Parse("“nông thôn mới” \"Quế Sơn\" 2020");
        Assert.Equal(3, query.Groups.Count);
        Assert.Equal(["nong", "thon", "moi"], query.Groups[0].Select(t => t.Folded));
        Assert.Equal(["que", "son"], query.Groups[1].Select(t => t.Folded));
        Assert.Equal(["2020"], query.Groups[2].Select(t => t.Folded));
        Assert.False(query.LastIsPrefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("*^:()-\"")]
    [InlineData("\u0000\u0001")]
    public void Input_without_letters_or_digits_is_empty(string text) =>
        Assert.True(SearchQuery.Parse(text).IsEmpty);

    [Fact]
    public void Long_queries_are_bounded()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => "từ" + i)));
        Assert.Equal(SearchQuery.MaxTokens, query.Tokens.Count());
        Assert.True(SearchQuery.Parse(new string('a', 10_000)).Tokens.Single().Exact.Length <= SearchText.MaxTokenLength);
    }

    [Theory]
    [InlineData("que so", true)]
    [InlineData("que s", false)]
    [InlineData("que son ", false)]
    [InlineData("\"que son\"", false)]
    public void Last_word_is_a_prefix_only_while_it_is_being_typed(string text, bool prefix) =>
        Assert.Equal(prefix, SearchQuery.Parse(text, lastIsPrefix: true).LastIsPrefix);

    [Theory]
    [InlineData("NEAR(que son)")]
    [InlineData("que\" OR \"1\"=\"1")]
    [InlineData("title:que* ^son -dang")]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("que' & 'son':* | !")]
    public void Backend_queries_contain_only_quoted_tokens(string text)
    {
        var query = SearchQuery.Parse(text, lastIsPrefix: true);
        var fts = SqliteSearchIndex.Match(query, titleOnly: false);
        var tsquery = PostgresSearchIndex.TsQuery(query, "ABCD", "AB");
        foreach (var token in query.Tokens)
        {
            Assert.Contains("\"" + token.Folded, fts, StringComparison.Ordinal);
            Assert.Contains("'" + token.Folded + "'", tsquery, StringComparison.Ordinal);
        }

        // Outside the quoted tokens only the operators Sen writes itself remain.
        var outsideFts = string.Concat(fts.Split('"').Where((_, i) => i % 2 == 0));
        Assert.DoesNotContain(outsideFts, c => char.IsLetterOrDigit(c) && !"ANDORTitleFoldedLeadExtraBodyExact".Contains(c, StringComparison.Ordinal));
        var outsideTs = string.Concat(tsquery.Split('\'').Where((_, i) => i % 2 == 0));
        Assert.All(outsideTs, c => Assert.Contains(c, " &|()<->:*ABCD"));
    }

    [Fact]
    public void Sqlite_match_requires_every_word_and_phrase_and_the_title_for_suggestions()
    {
        Assert.Equal("(\"que\" AND \"son\" AND \"ket luan\")", SqliteSearchIndex.Match(SearchQuery.Parse("Quế Sơn \"kết luận\""), titleOnly: false));
        Assert.Equal("{TitleFolded ExtraFolded} : (\"que\" AND \"so\"*)", SqliteSearchIndex.Match(SearchQuery.Parse("que so", lastIsPrefix: true), titleOnly: true));
    }

    [Fact]
    public void Postgres_tsquery_uses_phrases_prefixes_and_title_weights()
    {
        Assert.Equal("('que') & ('ket' <-> 'luan')", PostgresSearchIndex.TsQuery(SearchQuery.Parse("que \"kết luận\"")));
        Assert.Equal("('que') & ('so':*)", PostgresSearchIndex.TsQuery(SearchQuery.Parse("que so", lastIsPrefix: true)));
    }

    [Fact]
    public void Postgres_phrases_stay_within_one_field()
    {
        Assert.Equal(
            "('que') & (('ket':A <-> 'luan':A) | ('ket':B <-> 'luan':B))",
            PostgresSearchIndex.TsQuery(SearchQuery.Parse("que \"kết luận\""), phraseWeights: "AB"));
        Assert.Equal(
            "(('ket':A <-> 'luan':A) | ('ket':B <-> 'luan':B)) & ('so':*AB)",
            PostgresSearchIndex.TsQuery(SearchQuery.Parse("\"kết luận\" so", lastIsPrefix: true), phraseWeights: "AB", wordWeights: "AB"));
    }
}
