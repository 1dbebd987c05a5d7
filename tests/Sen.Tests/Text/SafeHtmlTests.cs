using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sen.Web.Text;

namespace Sen.Tests.Text;

/// <summary>The one gate stored article HTML passes: what the editor (Quill) and Word send survives as structure, nothing else does.</summary>
public sealed class SafeHtmlTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Quill_output_keeps_its_structure()
    {
        var body = Parse(SafeHtml.Sanitize(Fixture("quill-output.html")));

        Assert.Equal(["Kết quả hội nghị"], Texts(body, "h2"));
        Assert.Equal(["Các nhiệm vụ"], Texts(body, "h3"));
        Assert.Equal(["Ý kiến"], Texts(body, "h4"));
        Assert.Equal(["chữ đậm"], Texts(body, "strong"));
        Assert.Equal(["nghiêng"], Texts(body, "em"));
        Assert.Equal(["gạch chân"], Texts(body, "u"));
        Assert.Equal(["https://example.vn/bai-viet", "/van-ban/12", "mailto:toasoan@example.vn"], body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        Assert.Single(body.QuerySelectorAll("blockquote"));
    }

    [Fact]
    public void Quill_lists_stay_real_ordered_and_bulleted_lists()
    {
        var body = Parse(SafeHtml.Sanitize(Fixture("quill-output.html")));

        var ordered = body.QuerySelector("body > ol")!;
        Assert.Equal(2, ordered.Children.Count(c => c.LocalName == "li"));
        Assert.Equal("Cấp xã", ordered.QuerySelector("li > ol > li")!.TextContent);
        Assert.Equal(["Gạch đầu dòng một", "Gạch đầu dòng hai"], Texts(body, "ul > li"));
    }

    [Fact]
    public void Quill_tables_and_figures_survive_without_editor_attributes()
    {
        var body = Parse(SafeHtml.Sanitize(Fixture("quill-output.html")));

        Assert.Equal(["Chỉ tiêu", "Kết quả", "Đảng viên mới", "125"], Texts(body, "table > tbody > tr > td"));
        var figure = body.QuerySelector("figure")!;
        var image = figure.QuerySelector("img")!;
        Assert.Equal("/media/2026/12/hoi-nghi.jpg", image.GetAttribute("src"));
        Assert.Equal("Quang cảnh hội nghị", image.GetAttribute("alt"));
        Assert.Equal("1200", image.GetAttribute("width"));
        Assert.Equal("800", image.GetAttribute("height"));
        Assert.Equal("Quang cảnh Hội nghị tổng kết", figure.QuerySelector("figcaption")!.TextContent);

        var attributes = body.QuerySelectorAll("*").SelectMany(e => e.Attributes.Select(a => a.Name)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["alt", "height", "href", "src", "width"], attributes);
    }

    [Fact]
    public void Word_paste_keeps_headings_emphasis_links_and_tables_and_drops_everything_word_adds()
    {
        var html = SafeHtml.Sanitize(Fixture("word-paste.html"));
        var body = Parse(html);

        Assert.Contains("Báo cáo sơ kết", body.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Kết quả chính"], Texts(body, "h2"));
        Assert.Equal(["6 tháng đầu năm", "Chỉ tiêu", "Kết quả"], Texts(body, "b"));
        Assert.Equal(["Đảng bộ"], Texts(body, "i"));
        Assert.Contains("hoàn thành", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.vn/nghi-quyet", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("2", body.QuerySelector("td[colspan]")!.GetAttribute("colspan"));
        Assert.Contains("Đạt 100%", body.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        Assert.Empty(body.QuerySelectorAll("h1, font, style, meta, xml, img"));
        Assert.DoesNotContain("mso", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("o:p", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Style Definitions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Times New Roman", html, StringComparison.Ordinal);
        Assert.DoesNotContain(body.QuerySelectorAll("[style], [class], [width], [valign], [border], [lang]"), e => e.LocalName != "img");
    }

    [Fact]
    public void The_legacy_caption_class_is_the_only_class_kept()
    {
        var html = SafeHtml.Sanitize("<p class=\"caption ql-align-center MsoNormal\">Ảnh: Thúy Lan</p><p class=\"ql-indent-1\">x</p>");

        Assert.Equal("<p class=\"caption\">Ảnh: Thúy Lan</p><p>x</p>", html);
    }

    [Fact]
    public void Words_inside_elements_that_are_not_allowed_are_kept()
    {
        Assert.Equal("<p>Một hai</p>", SafeHtml.Sanitize("<div><p>Một <font face=\"Arial\">hai</font></p></div>"));
    }

    public static TheoryData<string> XssVectors =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\" alt=\"x\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"x\">",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<p onclick=\"alert(1)\" onmouseover=alert(1)>x</p>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<p title=\"\"><img src=x onerror=alert(1)>\"\">x</p>",
        "\"><img src=x onerror=alert(1)>",
        "<figure><img src=\"/a.jpg\" alt=\"a\" onload=\"alert(1)\"><figcaption onclick=alert(1)>c</figcaption></figure>",
        "<table background=\"javascript:alert(1)\"><tr><td style=\"x:expression(alert(1))\">c</td></tr></table>",
        "<a href=\"https://example.vn\" target=\"_blank\" data-x=\"y\" class=\"ql-link\">x</a>",
        "<template><img src=x onerror=alert(1)></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    ];

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void Owasp_xss_vectors_leave_nothing_executable(string vector)
    {
        var html = SafeHtml.Sanitize("<p>Trước</p>" + vector + "<p>Sau</p>");
        var body = Parse(html);

        Assert.Empty(body.QuerySelectorAll("script, style, iframe, object, embed, svg, math, form, input, button, meta, base, template, noscript, details, video, source"));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on {element.LocalName} in {html}");
                Assert.DoesNotContain(attribute.Name, new[] { "style", "class", "target", "background", "action" });
                Assert.False(attribute.Name.StartsWith("data-", StringComparison.Ordinal), html);
            }

            foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
            {
                // A relative address has no scheme (nothing before a colon, or a slash or ? or # before it).
                var colon = url.IndexOf(':', StringComparison.Ordinal);
                var scheme = colon < 0 || url.AsSpan(0, colon).IndexOfAny("/?#") >= 0 ? null : url[..colon];
                Assert.True(scheme is null or "http" or "https" or "mailto", $"{url} in {html}");
            }
        }

        Assert.Equal(["Trước", "Sau"], Texts(body, "body > p").Where(t => t is "Trước" or "Sau"));
    }

    [Fact]
    public void An_image_whose_address_was_removed_goes_too()
    {
        Assert.Equal("<p>a</p>", SafeHtml.Sanitize("<p>a<img src=\"javascript:alert(1)\" alt=\"x\"></p>"));
        Assert.Equal("<figure><figcaption>c</figcaption></figure>", SafeHtml.Sanitize("<figure><img src=\"file:///C:/a.jpg\" alt=\"x\"><figcaption>c</figcaption></figure>"));
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Editor", name));

    private static IElement Parse(string html) => Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;

    private static string[] Texts(IElement body, string selector) => [.. body.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];
}
