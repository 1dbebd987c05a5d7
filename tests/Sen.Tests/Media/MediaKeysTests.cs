using Sen.Web.Features.Media;

namespace Sen.Tests.Media;

/// <summary>A key names one file inside the media folder, of a kind Sen stores, and nothing else.</summary>
public sealed class MediaKeysTests
{
    private const string Hash = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    [Theory]
    [InlineData(Hash + "-480.webp")]
    [InlineData(Hash + "-1600.jpg")]
    [InlineData(Hash + "-bao-cao-tong-ket.pdf")]
    [InlineData(Hash + ".docx")]
    public void Keys_of_stored_files_are_valid(string key)
    {
        Assert.True(MediaKeys.IsValid(key));
    }

    [Theory]
    [InlineData("../sen.db")]
    [InlineData("..")]
    [InlineData("a/b.jpg")]
    [InlineData("a\\b.jpg")]
    [InlineData("/etc/passwd.pdf")]
    [InlineData(".abc.tmp")]
    [InlineData(".jpg")]
    [InlineData("x.php")]
    [InlineData("x.jpg.php")]
    [InlineData("x.svg")]
    [InlineData("x.html")]
    [InlineData("X.JPG")]
    [InlineData("x.png")]
    [InlineData("x.jpg\n")]
    [InlineData("")]
    public void Anything_else_is_not_a_key(string key)
    {
        Assert.False(MediaKeys.IsValid(key));
    }

    [Fact]
    public void A_files_key_makes_its_name_readable_and_safe()
    {
        Assert.Equal(Hash + "-bao-cao-tong-ket-2025-script.pdf", MediaKeys.File(Hash, "../../Báo cáo tổng kết 2025 <script>.PDF", MediaFormat.Pdf));
        Assert.Equal(Hash + ".pdf", MediaKeys.File(Hash, "…", MediaFormat.Pdf));
        Assert.True(MediaKeys.IsValid(MediaKeys.File(Hash, new string('ắ', 500) + ".exe", MediaFormat.Docx)));
    }

    [Fact]
    public void A_media_url_names_its_key_and_other_urls_none()
    {
        Assert.Equal(Hash + "-960.webp", MediaKeys.FromUrl("/media/" + Hash + "-960.webp"));
        Assert.Null(MediaKeys.FromUrl("/img/anh.jpg"));
        Assert.Null(MediaKeys.FromUrl("https://example.vn/media/" + Hash + "-960.webp"));
        Assert.Null(MediaKeys.FromUrl("/media/../sen.db"));
        Assert.Null(MediaKeys.FromUrl(null));
    }
}
