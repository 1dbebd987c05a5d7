using Sen.Web.Features.Import;

namespace Sen.Tests.Import;

public sealed class LegacyArticleHtmlTests
{
    private static IReadOnlyList<LegacyBlock> SeedBody()
    {
        var result = LegacyPageParser.Parse(SeedFixture.Text());
        Assert.True(result.Succeeded);
        return result.Page!.Body;
    }

    [Fact]
    public void Seed_points_become_one_ordered_list_of_seven_items()
    {
        var html = LegacyArticleHtml.ToBodyHtml(SeedBody(), "/media/2019/10/hoi-nghi.jpg", "Hội nghị");

        Assert.Equal(1, Count(html, "<ol"));
        Assert.Contains("<ol>\n<li>Tiếp tục tăng cường", html, StringComparison.Ordinal);
        Assert.Equal(7, Count(html, "<li>"));
        Assert.Equal(3, Count(html, "<p>"));
        Assert.DoesNotContain("start=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=", html, StringComparison.Ordinal);
        Assert.EndsWith("</ol>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_caption_becomes_a_figure_with_the_photo()
    {
        var html = LegacyArticleHtml.ToBodyHtml(SeedBody(), "/media/2019/10/hoi-nghi.jpg", "Hội nghị");

        Assert.Contains(
            "<figure><img src=\"/media/2019/10/hoi-nghi.jpg\" alt=\"Hội nghị\" width=\"800\" height=\"450\">"
            + "<figcaption>Quang cảnh Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị tại huyện Quế Sơn</figcaption></figure>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_without_an_image_is_a_caption_paragraph()
    {
        var html = LegacyArticleHtml.ToBodyHtml([new LegacyCaption("Ảnh: Thúy Lan")], null, "");

        Assert.Equal("<p class=\"caption\">Ảnh: Thúy Lan</p>\n", html);
    }

    [Fact]
    public void Image_goes_with_the_first_caption_only()
    {
        var html = LegacyArticleHtml.ToBodyHtml([new LegacyCaption("Một"), new LegacyCaption("Hai")], "/a.jpg", "");

        Assert.Equal(
            "<figure><img src=\"/a.jpg\" alt=\"\" width=\"800\" height=\"450\"><figcaption>Một</figcaption></figure>\n<p class=\"caption\">Hai</p>\n",
            html);
    }

    [Fact]
    public void Text_is_encoded()
    {
        var html = LegacyArticleHtml.ToBodyHtml(
            [new LegacyParagraph("<script>alert('x')</script> & \"Đảng\""), new LegacyNumberedPoint(1, "<b>")],
            "/a.jpg?x=1&y=\"2\"",
            "a\"b");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;Đảng&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_url_and_alt_are_attribute_encoded()
    {
        var html = LegacyArticleHtml.ToBodyHtml([new LegacyCaption("c")], "/a.jpg?x=1&y=\"2\"", "a\"b");

        Assert.Contains("src=\"/a.jpg?x=1&amp;y=&quot;2&quot;\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"a&quot;b\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Vietnamese_stays_as_letters_not_entities()
    {
        var html = LegacyArticleHtml.ToBodyHtml(SeedBody(), "/a.jpg", "Quang cảnh hội nghị");

        Assert.Contains("Vừa qua, Huyện ủy Quế Sơn tổ chức Hội nghị", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Quang cảnh hội nghị\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Decomposed_text_is_output_composed()
    {
        var nfd = "Quế Sơn".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("<p>Quế Sơn</p>\n", LegacyArticleHtml.ToBodyHtml([new LegacyParagraph(nfd)], null, ""));
    }

    [Fact]
    public void List_not_starting_at_one_gets_start()
    {
        var html = LegacyArticleHtml.ToBodyHtml([new LegacyNumberedPoint(3, "c"), new LegacyNumberedPoint(4, "d")], null, "");

        Assert.Equal("<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n", html);
    }

    [Fact]
    public void List_with_gaps_numbers_every_item()
    {
        var html = LegacyArticleHtml.ToBodyHtml([new LegacyNumberedPoint(1, "a"), new LegacyNumberedPoint(3, "c")], null, "");

        Assert.Equal("<ol>\n<li value=\"1\">a</li>\n<li value=\"3\">c</li>\n</ol>\n", html);
    }

    [Fact]
    public void Paragraph_between_points_splits_the_list()
    {
        var html = LegacyArticleHtml.ToBodyHtml(
            [new LegacyNumberedPoint(1, "a"), new LegacyParagraph("p"), new LegacyNumberedPoint(2, "b")], null, "");

        Assert.Equal("<ol>\n<li>a</li>\n</ol>\n<p>p</p>\n<ol start=\"2\">\n<li>b</li>\n</ol>\n", html);
    }

    [Fact]
    public void No_blocks_give_empty_html()
    {
        Assert.Equal("", LegacyArticleHtml.ToBodyHtml([], "/a.jpg", "x"));
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
