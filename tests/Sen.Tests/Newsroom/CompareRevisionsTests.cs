using Sen.Web.Features.Newsroom;

namespace Sen.Tests.Newsroom;

public sealed class CompareRevisionsTests
{
    [Fact]
    public void The_word_diff_rebuilds_both_texts_and_marks_only_the_changed_words()
    {
        const string Before = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12.";
        const string After = "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 13.";
        var runs = CompareRevisions.Words(Before, After);
        Assert.Equal(Before, string.Concat(runs.Where(r => r.Kind != CompareRevisions.RunKind.Inserted).Select(r => r.Text)));
        Assert.Equal(After, string.Concat(runs.Where(r => r.Kind != CompareRevisions.RunKind.Deleted).Select(r => r.Text)));
        Assert.Equal(new[] { "tỉnh", "12." }, runs.Where(r => r.Kind == CompareRevisions.RunKind.Deleted).Select(r => r.Text.Trim()));
        Assert.Equal(new[] { "huyện", "13." }, runs.Where(r => r.Kind == CompareRevisions.RunKind.Inserted).Select(r => r.Text.Trim()));
    }
}
