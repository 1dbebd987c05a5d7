using Sen.Web.Features.Articles;

namespace Sen.Tests.Articles;

public sealed class ArticleUrlsTests
{
    [Fact]
    public void Article_url_is_category_slug_and_id()
    {
        Assert.Equal("/cong-tac-dan-van/que-son-hoi-nghi-12.html", ArticleUrls.Article("cong-tac-dan-van", "que-son-hoi-nghi", 12));
    }

    [Theory]
    [InlineData("que-son-hoi-nghi-12.html", "que-son-hoi-nghi", 12)]
    [InlineData("62-kl-tw-7.html", "62-kl-tw", 7)]
    [InlineData("7.html", "", 7)]
    public void TryParseSegment_reads_slug_and_id(string segment, string slug, int id)
    {
        Assert.True(ArticleUrls.TryParseSegment(segment, out var parsedSlug, out var parsedId));
        Assert.Equal(slug, parsedSlug);
        Assert.Equal(id, parsedId);
    }

    [Theory]
    [InlineData("que-son.html")]
    [InlineData("que-son-12")]
    [InlineData("que-son-0.html")]
    [InlineData("que-son-99999999999.html")]
    [InlineData("que-son-12.htm")]
    [InlineData("")]
    public void TryParseSegment_rejects_what_cannot_name_an_article(string segment) =>
        Assert.False(ArticleUrls.TryParseSegment(segment, out _, out _));
}
