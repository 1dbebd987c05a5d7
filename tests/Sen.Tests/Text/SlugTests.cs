using Sen.Web.Text;

namespace Sen.Tests.Text;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Quế Sơn: Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị", "que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri")]
    [InlineData("Đảng Cộng sản Việt Nam", "dang-cong-san-viet-nam")]
    [InlineData("Khóa XII", "khoa-xii")]
    [InlineData("  --Tin tức -- Sự kiện!!  ", "tin-tuc-su-kien")]
    [InlineData("", "")]
    [InlineData("“Dân vận khéo”", "dan-van-kheo")]
    public void From_builds_ascii_slugs_from_vietnamese(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void From_cuts_long_titles_without_a_trailing_dash()
    {
        var slug = Slug.From(string.Concat(Enumerable.Repeat("Hội nghị ", 100)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(Slug.IsWellFormed(slug));
    }

    [Theory]
    [InlineData(118)]
    [InlineData(119)]
    [InlineData(120)]
    public void From_never_passes_the_maximum_when_a_word_starts_at_its_edge(int prefix)
    {
        var slug = Slug.From(new string('a', prefix) + " bc de");
        Assert.True(slug.Length <= Slug.MaxLength, $"{slug.Length} characters");
        Assert.True(Slug.IsWellFormed(slug));
    }

    [Theory]
    [InlineData("tin-tuc", true)]
    [InlineData("khoa-xii", true)]
    [InlineData("Tin-tuc", false)]
    [InlineData("tin--tuc", false)]
    [InlineData("-tin", false)]
    [InlineData("tin_tuc", false)]
    [InlineData("", false)]
    [InlineData("tin tuc", false)]
    public void IsWellFormed_accepts_only_what_From_writes(string slug, bool expected) =>
        Assert.Equal(expected, Slug.IsWellFormed(slug));
}
