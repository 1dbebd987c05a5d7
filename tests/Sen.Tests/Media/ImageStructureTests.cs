using Sen.Web.Features.Media;

namespace Sen.Tests.Media;

/// <summary>A truncated image is caught from its container before a lenient decoder fills the gap with grey.</summary>
public sealed class ImageStructureTests
{
    [Fact]
    public void Whole_images_have_one_frame()
    {
        Assert.Equal(1, ImageStructure.Frames(MediaFormat.Jpeg, TestFiles.Jpeg()));
        Assert.Equal(1, ImageStructure.Frames(MediaFormat.Png, TestFiles.Png()));
        Assert.Equal(1, ImageStructure.Frames(MediaFormat.Gif, TestFiles.Gif()));
        Assert.Equal(1, ImageStructure.Frames(MediaFormat.Webp, TestFiles.Webp()));
    }

    [Fact]
    public void An_animated_gif_counts_every_frame()
    {
        Assert.Equal(3, ImageStructure.Frames(MediaFormat.Gif, TestFiles.Gif(frames: 3)));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("gif")]
    [InlineData("webp")]
    public void A_truncated_image_has_no_frames(string kind)
    {
        var (format, bytes) = kind switch
        {
            "jpeg" => (MediaFormat.Jpeg, TestFiles.Jpeg(200, 150)),
            "png" => (MediaFormat.Png, TestFiles.Png(200, 150)),
            "gif" => (MediaFormat.Gif, TestFiles.Gif(frames: 2)),
            _ => (MediaFormat.Webp, TestFiles.Webp(200, 150)),
        };

        Assert.Equal(0, ImageStructure.Frames(format, bytes.AsSpan(0, bytes.Length * 2 / 3)));
        Assert.Equal(0, ImageStructure.Frames(format, bytes.AsSpan(..^1)));
    }

    [Fact]
    public void Bytes_after_a_whole_jpeg_do_not_make_it_incomplete()
    {
        var jpeg = TestFiles.Jpeg();
        Assert.Equal(1, ImageStructure.Frames(MediaFormat.Jpeg, [.. jpeg, .. TestFiles.Ascii("<script>alert(1)</script>")]));
    }

    [Fact]
    public void A_jpeg_header_without_a_scan_is_no_image()
    {
        Assert.Equal(0, ImageStructure.Frames(MediaFormat.Jpeg, [0xFF, 0xD8, 0xFF, 0xD9]));
        Assert.Equal(0, ImageStructure.Frames(MediaFormat.Jpeg, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. TestFiles.Ascii("<?php echo 1; ?>")]));
    }
}
