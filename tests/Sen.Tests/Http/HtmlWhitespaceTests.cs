using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sen.Web.Infrastructure.Http;

namespace Sen.Tests.Http;

public sealed class HtmlWhitespaceTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <title>Tin tức - Sự kiện</title>
            <script type="application/ld+json">{"@type":"BreadcrumbList","name":"Trang chủ"}</script>
        </head>
        <body>
          <ul class="article-list">
              <li>
                <article class="card">
            <h2><a href="/tin-co-so/dai-loc-1.html">Đại Lộc: Đảng ủy   Quân sự huyện</a></h2>
              <p>Chiều 3/12, tại Đại Lộc,
                 Đảng ủy Quân sự huyện kiểm tra.</p>
          </article>

              </li>
          </ul>
          <pre>
            giữ nguyên
              thụt lề
          </pre>
          <form><textarea name="y-kien">
          dòng một
            dòng hai</textarea></form>
          <p>Hết <!--sen:views:12:144--> lượt</p>
        </body>
        </html>
        """;

    [Fact]
    public void Drops_the_indentation_and_blank_lines_between_tags()
    {
        var compacted = Compact(Page);

        Assert.Contains("<ul class=\"article-list\">\n<li>\n<article class=\"card\">\n<h2>", compacted, StringComparison.Ordinal);
        Assert.Contains("</article>\n</li>\n</ul>", compacted, StringComparison.Ordinal);
        Assert.Contains("Chiều 3/12, tại Đại Lộc,\nĐảng ủy Quân sự huyện kiểm tra.</p>", compacted, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(compacted) < Encoding.UTF8.GetByteCount(Page));
    }

    [Fact]
    public void Leaves_spaces_without_a_line_break_as_they_are()
    {
        var compacted = Compact(Page);

        Assert.Contains("Đảng ủy   Quân sự huyện", compacted, StringComparison.Ordinal);
        Assert.Contains("<p>Hết <!--sen:views:12:144--> lượt</p>", compacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_pre_and_textarea_exactly()
    {
        var compacted = Compact(Page);

        Assert.Contains("<pre>\n    giữ nguyên\n      thụt lề\n  </pre>", compacted, StringComparison.Ordinal);
        Assert.Contains("<textarea name=\"y-kien\">\n  dòng một\n    dòng hai</textarea>", compacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_same_page_a_browser_would()
    {
        var parser = new HtmlParser();
        using var before = parser.ParseDocument(Page);
        using var after = parser.ParseDocument(Compact(Page));

        Assert.Equal(Structure(before.DocumentElement), Structure(after.DocumentElement));
        Assert.Equal(Normalized(before.Body!.TextContent), Normalized(after.Body!.TextContent));
        Assert.Equal(before.QuerySelector("pre")!.TextContent, after.QuerySelector("pre")!.TextContent);
        Assert.Equal(before.QuerySelector("textarea")!.TextContent, after.QuerySelector("textarea")!.TextContent);
    }

    [Theory]
    [InlineData("<preview>\n   x</preview>", "<preview>\nx</preview>")]
    [InlineData("<PRE class=\"a\">\n   x</PRE>\n   <p>", "<PRE class=\"a\">\n   x</PRE>\n<p>")]
    [InlineData("<pre>\n   never closed", "<pre>\n   never closed")]
    [InlineData("<p>a</p>\r\n\t\t<p>b</p>", "<p>a</p>\n<p>b</p>")]
    [InlineData("   \n   ", "\n")]
    [InlineData("", "")]
    [InlineData("<", "<")]
    [InlineData("<pre", "<pre")]
    public void Handles_edges(string html, string expected) => Assert.Equal(expected, Compact(html));

    [Fact]
    public void Compacting_twice_changes_nothing_more()
    {
        var once = Compact(Page);

        Assert.Equal(once, Compact(once));
    }

    private static string Compact(string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var length = HtmlWhitespace.Compact(bytes);
        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Structure(IElement element) =>
        $"<{element.LocalName} {string.Join(' ', element.Attributes.Select(a => $"{a.Name}={a.Value}"))}>"
        + string.Concat(element.Children.Select(Structure));
}
