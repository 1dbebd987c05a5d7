using System.Text;
using Sen.Tools.Generate;
using Sen.Web.Text;

namespace Sen.Tests.Generate;

public sealed class VietnameseCorpusTests
{
    private static readonly DateTime Local = new(2024, 3, 8, 9, 30, 0);

    [Fact]
    public void Same_seed_writes_the_same_stories_and_another_seed_other_ones()
    {
        var a = new Random(5);
        var b = new Random(5);
        var c = new Random(6);
        var fromA = Enumerable.Range(0, 50).Select(_ => VietnameseCorpus.Write(a, Local)).ToList();
        var fromB = Enumerable.Range(0, 50).Select(_ => VietnameseCorpus.Write(b, Local)).ToList();
        var fromC = Enumerable.Range(0, 50).Select(_ => VietnameseCorpus.Write(c, Local)).ToList();
        Assert.Equal(fromA, fromB);
        Assert.NotEqual(fromA.Select(s => s.Title), fromC.Select(s => s.Title));
    }

    [Fact]
    public void Stories_are_nfc_vietnamese_with_three_to_eight_safe_paragraphs()
    {
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var story = VietnameseCorpus.Write(random, Local);
            foreach (var text in new[] { story.Title, story.Lead, story.BodyHtml, story.AuthorUnit })
            {
                Assert.True(text.IsNormalized(NormalizationForm.FormC), text);
            }

            Assert.Contains(VietnameseCorpus.Places, p => story.Title.StartsWith(p + ": ", StringComparison.Ordinal));
            Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", story.Lead);
            var paragraphs = story.BodyHtml.Split("<p>", StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(paragraphs, 3, 8);
            Assert.Equal(story.BodyHtml, SafeHtml.Sanitize(story.BodyHtml));
            Assert.DoesNotContain('{', story.BodyHtml + story.Title + story.Lead);
        }
    }
}
