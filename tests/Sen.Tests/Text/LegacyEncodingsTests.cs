using System.Text;
using Sen.Web.Text;

namespace Sen.Tests.Text;

/// <summary>TCVN3 (ABC) and VNI-Windows to Unicode NFC: every letter with every tone, both cases, and telling which is which.</summary>
public sealed class LegacyEncodingsTests
{
    public static TheoryData<string, string> Tcvn3Letters => Rows(VietnameseAlphabet.Tcvn3Letters().Concat(VietnameseAlphabet.Tcvn3Capitals()));

    public static TheoryData<string, string> VniLetters => Rows(VietnameseAlphabet.VniLetters());

    [Theory]
    [MemberData(nameof(Tcvn3Letters))]
    public void Tcvn3_letters_become_unicode_nfc(string unicode, string tcvn3)
    {
        var converted = LegacyEncodings.ToUnicode(tcvn3, LegacyEncoding.Tcvn3);

        Assert.Equal(unicode, converted);
        Assert.True(converted.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [MemberData(nameof(Tcvn3Letters))]
    public void Tcvn3_capitals_fonts_draw_every_letter_as_its_capital(string unicode, string tcvn3) =>
        Assert.Equal(unicode.ToUpperInvariant(), LegacyEncodings.ToUnicode(tcvn3, new LegacyFont(LegacyEncoding.Tcvn3, Capitals: true)));

    [Fact]
    public void Tcvn3_full_table_has_a_code_for_every_capital_with_a_tone()
    {
        var capitals = VietnameseAlphabet.Tcvn3Letters().Select(l => l.Unicode.ToUpperInvariant()).Where(l => l[0] > 0x7F).ToList();
        var decoded = Enumerable.Range(0, 0x100).Select(code => new string(Tcvn3.Decode((char)code), 1)).ToList();

        Assert.Equal(67, capitals.Count);
        Assert.All(capitals, capital => Assert.Single(decoded, d => d == capital));
        Assert.Equal("Ố", LegacyEncodings.ToUnicode("\u00FF", LegacyEncoding.Tcvn3));
        Assert.Equal("À", LegacyEncodings.ToUnicode("\u0080", LegacyEncoding.Tcvn3));
        Assert.Equal("Ú", LegacyEncodings.ToUnicode("\u0001", LegacyEncoding.Tcvn3));
    }

    [Fact]
    public void Tcvn3_combining_tones_compose_and_punctuation_already_decoded_stays()
    {
        Assert.Equal("á", LegacyEncodings.ToUnicode("a\u00B3", LegacyEncoding.Tcvn3));
        Assert.Equal("ậ", LegacyEncodings.ToUnicode("\u00A9\u00B4", LegacyEncoding.Tcvn3));
        Assert.Equal("“Hà Nội” – 2019", LegacyEncodings.ToUnicode("“Hµ Néi” – 2019", LegacyEncoding.Tcvn3));
        Assert.Equal("Tab\tand\r\nlines", LegacyEncodings.ToUnicode("Tab\tand\r\nlines", LegacyEncoding.Tcvn3));
    }

    [Theory]
    [MemberData(nameof(VniLetters))]
    public void Vni_letters_become_unicode_nfc(string unicode, string vni)
    {
        var converted = LegacyEncodings.ToUnicode(vni, LegacyEncoding.Vni);

        Assert.Equal(unicode, converted);
        Assert.True(converted.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp – Tù do – H¹nh phóc", "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập – Tự do – Hạnh phúc")]
    [InlineData("Ng\u00ADêi viÕt: NguyÔn V¨n §øc", "Người viết: Nguyễn Văn Đức")]
    [InlineData("Quèc héi kho¸ XV", "Quốc hội khoá XV")]
    public void Tcvn3_sentences_convert(string tcvn3, string unicode) =>
        Assert.Equal(unicode, LegacyEncodings.ToUnicode(tcvn3, LegacyEncoding.Tcvn3));

    [Theory]
    [InlineData("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp – Töï do – Haïnh phuùc", "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập – Tự do – Hạnh phúc")]
    [InlineData("Ngöôøi vieát: Nguyeãn Vaên Ñöùc", "Người viết: Nguyễn Văn Đức")]
    [InlineData("QUOÁC HOÄI KHOÙA XV", "QUỐC HỘI KHÓA XV")]
    public void Vni_sentences_convert(string vni, string unicode) =>
        Assert.Equal(unicode, LegacyEncodings.ToUnicode(vni, LegacyEncoding.Vni));

    [Theory]
    [InlineData("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15, khoá XX")]
    [InlineData("Thường trực Tỉnh uỷ làm việc với Ban Tuyên giáo về công tác dân vận năm 2019")]
    [InlineData("Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam")]
    public void Whole_sentences_round_trip_and_are_told_apart(string unicode)
    {
        var tcvn3 = VietnameseAlphabet.ToTcvn3(unicode);
        var vni = VietnameseAlphabet.ToVni(unicode);

        Assert.Equal(LegacyEncoding.Tcvn3, LegacyEncodings.Detect(tcvn3));
        Assert.Equal(LegacyEncoding.Vni, LegacyEncodings.Detect(vni));
        Assert.Equal(LegacyEncoding.None, LegacyEncodings.Detect(unicode));
        Assert.Equal(unicode, LegacyEncodings.ToUnicode(tcvn3, LegacyEncoding.Tcvn3));
        Assert.Equal(unicode, LegacyEncodings.ToUnicode(vni, LegacyEncoding.Vni));
    }

    [Theory]
    [InlineData("Hµ Néi", LegacyEncoding.Tcvn3)]
    [InlineData("Haø Noäi", LegacyEncoding.Vni)]
    [InlineData("Hoà Bình", LegacyEncoding.None)]
    [InlineData("Ý chí", LegacyEncoding.None)]
    [InlineData("Hà Nội", LegacyEncoding.None)]
    [InlineData("Ha\u0300 N\u00F4\u0323i", LegacyEncoding.None)]
    [InlineData("Copyright © 2010 by the web team · all rights reserved", LegacyEncoding.None)]
    [InlineData("Café à la crème, s'il vous plaît", LegacyEncoding.None)]
    [InlineData("Plain ASCII text", LegacyEncoding.None)]
    [InlineData("", LegacyEncoding.None)]
    public void Detect_tells_the_encoding_of_a_run(string text, LegacyEncoding expected) =>
        Assert.Equal(expected, LegacyEncodings.Detect(text));

    [Fact]
    public void Unicode_text_is_only_normalized()
    {
        var decomposed = "Ha\u0300 N\u00F4\u0323i";
        Assert.Equal("Hà Nội", LegacyEncodings.ToUnicode(decomposed, LegacyEncoding.None));
    }

    private static TheoryData<string, string> Rows(IEnumerable<(string Unicode, string Legacy)> letters)
    {
        var rows = new TheoryData<string, string>();
        foreach (var (unicode, legacy) in letters)
        {
            rows.Add(unicode, legacy);
        }

        return rows;
    }
}
