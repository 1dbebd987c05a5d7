using System.Text;
using AngleSharp.Html.Parser;
using Sen.Web.Features.Import;
using Sen.Web.Text;

namespace Sen.Tests.Text;

/// <summary>Old pages name their encoding by font, run by run; each run is converted by the font that draws it.</summary>
public sealed class LegacyFontRunsTests
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData(".VnTime", LegacyEncoding.Tcvn3, false)]
    [InlineData("'.VnTimeH', serif", LegacyEncoding.Tcvn3, true)]
    [InlineData("\".VnArial NarrowH\"", LegacyEncoding.Tcvn3, true)]
    [InlineData(".vntime", LegacyEncoding.Tcvn3, false)]
    [InlineData("VNI-Times", LegacyEncoding.Vni, false)]
    [InlineData("VNI-Helve, Arial", LegacyEncoding.Vni, false)]
    [InlineData("Times New Roman", LegacyEncoding.None, false)]
    [InlineData("Arial, .VnTime", LegacyEncoding.None, false)]
    [InlineData("", LegacyEncoding.None, false)]
    public void Font_names_tell_the_encoding(string family, LegacyEncoding encoding, bool capitals) =>
        Assert.Equal(new LegacyFont(encoding, capitals), LegacyFont.FromFamily(family));

    [Fact]
    public void The_font_family_of_a_style_is_found_among_words_mso_properties()
    {
        Assert.Equal("\".VnArial\"", LegacyFont.FamilyInStyle("mso-bidi-font-family: Arial; font-family: \".VnArial\"; color: red"));
        Assert.Null(LegacyFont.FamilyInStyle("mso-bidi-font-family: Arial; color: red"));
    }

    [Fact]
    public void Each_run_is_converted_by_the_font_that_draws_it()
    {
        var document = Parser.ParseDocument(
            "<p><font face=\".VnTime\">Hµ Néi</font>, <span style=\"font-family: 'VNI-Times'\">Haø Noäi</span>, <b>Hà Nội</b>, " +
            "<font face=\".VnTimeH\">th«ng b¸o</font>, <font face=\".VnTime\"><span style=\"font-family: Arial\">x·</span> <i>x·</i></font></p>" +
            "<script>var s = 'Hµ';</script>");

        var converted = LegacyFontRuns.Convert(document);

        Assert.Equal("Hà Nội, Hà Nội, Hà Nội, THÔNG BÁO, x· xã", document.QuerySelector("p")!.TextContent);
        Assert.Equal("var s = 'Hµ';", document.QuerySelector("script")!.TextContent);
        Assert.Equal(4, converted);
    }

    [Fact]
    public void Runs_under_no_named_font_follow_the_encoding_detected_over_all_of_them()
    {
        var document = Parser.ParseDocument("<title>Th«ng b¸o</title><p>Héi nghÞ <b>tæng kÕt</b></p><p><font face=\"VNI-Times\">Haø Noäi</font></p>");

        var unnamed = LegacyFontRuns.DetectUnnamed(document);
        LegacyFontRuns.Convert(document, unnamed);

        Assert.Equal(LegacyEncoding.Tcvn3, unnamed);
        Assert.Equal("Thông báo", document.Title);
        Assert.Equal(["Hội nghị tổng kết", "Hà Nội"], document.QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Fact]
    public void A_windows_1252_page_becomes_a_utf8_page_in_unicode()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Tin</title></head>" +
            "<body><p><font face=\".VnTime\">Kho¸ häc \u0093chÝnh trÞ\u0094</font></p></body></html>";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(html.Replace('\u0093', '“').Replace('\u0094', '”'));

        var result = ConvertLegacyText.Convert(bytes, isHtml: true, from: null);

        var page = Parser.ParseDocument(result.Text);
        Assert.Equal("utf-8", page.QuerySelector("meta[charset]")?.GetAttribute("charset"));
        Assert.Null(page.QuerySelector("meta[http-equiv]"));
        Assert.Equal("Khoá học “chính trị”", page.QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData("tcvn3")]
    [InlineData("auto")]
    public void A_text_file_in_tcvn3_or_already_in_utf8_converts(string from)
    {
        var encoding = from == "tcvn3" ? LegacyEncoding.Tcvn3 : (LegacyEncoding?)null;
        var latin = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam");
        var utf8 = Encoding.UTF8.GetBytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam");

        Assert.Equal("Cộng hoà xã hội chủ nghĩa Việt Nam", ConvertLegacyText.Convert(latin, isHtml: false, encoding).Text);
        Assert.Equal("Cộng hoà xã hội chủ nghĩa Việt Nam", ConvertLegacyText.Convert(utf8, isHtml: false, encoding).Text);
    }
}
