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

    // The 29 letters of the Vietnamese alphabet and what each folds to.
    private static readonly (string Letter, string Folded)[] Alphabet =
    [
        ("a", "a"), ("ă", "a"), ("â", "a"), ("b", "b"), ("c", "c"), ("d", "d"), ("đ", "d"), ("e", "e"), ("ê", "e"),
        ("g", "g"), ("h", "h"), ("i", "i"), ("k", "k"), ("l", "l"), ("m", "m"), ("n", "n"), ("o", "o"), ("ô", "o"),
        ("ơ", "o"), ("p", "p"), ("q", "q"), ("r", "r"), ("s", "s"), ("t", "t"), ("u", "u"), ("ư", "u"), ("v", "v"),
        ("x", "x"), ("y", "y"),
    ];

    [Fact]
    public void Fold_maps_every_letter_of_the_alphabet_in_both_cases_and_both_normal_forms()
    {
        Assert.Equal(29, Alphabet.Length);
        foreach (var (letter, folded) in Alphabet)
        {
            var upper = letter.ToUpperInvariant();
            Assert.NotEqual(letter, upper);
            foreach (var form in new[] { letter, upper })
            {
                Assert.Equal(folded, VietnameseText.Fold(form.Normalize(NormalizationForm.FormC)));
                Assert.Equal(folded, VietnameseText.Fold(form.Normalize(NormalizationForm.FormD)));
            }
        }
    }

    [Fact]
    public void Every_toned_vowel_has_a_precomposed_upper_case_that_folds_and_composes_back()
    {
        var count = 0;
        foreach (var vowel in Vowels)
        {
            foreach (var tone in Tones.Skip(1))
            {
                var lower = (vowel + tone).Normalize(NormalizationForm.FormC);
                var upperNfd = (vowel.ToUpperInvariant() + tone).Normalize(NormalizationForm.FormD);
                var upper = VietnameseText.Nfc(upperNfd)!;
                Assert.Equal(1, lower.Length);
                Assert.Equal(1, upper.Length);
                Assert.Equal(lower, upper.ToLowerInvariant());
                Assert.Equal(VietnameseText.Fold(lower), VietnameseText.Fold(upperNfd));
                count++;
            }
        }

        Assert.Equal(12 * 5, count);
    }

    [Fact]
    public void Fold_of_a_whole_sentence_is_the_same_in_NFC_NFD_and_capitals()
    {
        const string sentence = "Đồng chí Bí thư Huyện ủy Quế Sơn phát biểu: “Người dân là chủ thể; ưu tiên đường giao thông, thủy lợi, ổn định đời sống”.";
        const string expected = "dong chi bi thu huyen uy que son phat bieu: “nguoi dan la chu the; uu tien duong giao thong, thuy loi, on dinh doi song”.";
        Assert.Equal(expected, VietnameseText.Fold(sentence));
        Assert.Equal(expected, VietnameseText.Fold(sentence.Normalize(NormalizationForm.FormD)));
        Assert.Equal(expected, VietnameseText.Fold(sentence.ToUpperInvariant()));
        Assert.Equal(expected, VietnameseText.Fold(sentence.ToUpperInvariant().Normalize(NormalizationForm.FormD)));
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
