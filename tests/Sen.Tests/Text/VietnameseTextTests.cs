using System.Text;
using Sen.Web.Text;

namespace Sen.Tests.Text;

public sealed class VietnameseTextTests
{
    // Every Vietnamese vowel with each of the five tone marks (and none), in upper and lower case.
    private static readonly string[] Vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    private static readonly string[] Tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

    [Fact]
    public void Fold_removes_every_tone_and_vowel_mark_in_NFC_and_NFD()
    {
        foreach (var vowel in Vowels)
        {
            var baseLetter = vowel.Normalize(NormalizationForm.FormD)[0].ToString();
            foreach (var tone in Tones)
            {
                var nfd = (vowel.Normalize(NormalizationForm.FormD) + tone).Normalize(NormalizationForm.FormD);
                var nfc = nfd.Normalize(NormalizationForm.FormC);
                Assert.Equal(baseLetter, VietnameseText.Fold(nfc));
                Assert.Equal(baseLetter, VietnameseText.Fold(nfd));
                Assert.Equal(baseLetter, VietnameseText.Fold(nfc.ToUpperInvariant()));
            }
        }
    }

    [Theory]
    [InlineData("Đảng", "dang")]
    [InlineData("đoàn thể", "doan the")]
    [InlineData("ĐỒNG CHÍ", "dong chi")]
    [InlineData("Quế Sơn", "que son")]
    [InlineData("Kết luận số 62-KL/TW", "ket luan so 62-kl/tw")]
    public void Fold_maps_d_with_stroke_and_lowercases(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Nfc_composes_decomposed_text()
    {
        var nfd = "Quế Sơn".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Quế Sơn", nfd);
        Assert.Equal("Quế Sơn", VietnameseText.Nfc(nfd));
    }

    [Fact]
    public void Nfc_replaces_lone_surrogates_instead_of_throwing()
    {
        var broken = "a\uD800b";
        Assert.Equal("a\uFFFDb", VietnameseText.Nfc(broken));
        Assert.Equal("a\uFFFDb", VietnameseText.Fold(broken));
    }

    [Fact]
    public void Nfc_and_Fold_replace_noncharacters_left_by_byte_swapped_text()
    {
        Assert.Equal("a\uFFFDb\uFFFD", VietnameseText.Nfc("a\uFFFEb\uFFFF"));
        Assert.Equal("a\uFFFDb", VietnameseText.Fold("a\uFFFEb"));
    }
}
