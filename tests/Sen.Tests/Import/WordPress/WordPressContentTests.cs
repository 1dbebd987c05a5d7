using Sen.Web.Features.Import.WordPress;

namespace Sen.Tests.Import.WordPress;

public sealed class WordPressContentTests
{
    private static readonly WordPressAttachments Attachments = CreateAttachments();

    private static WordPressAttachments CreateAttachments()
    {
        var attachments = new WordPressAttachments();
        attachments.Add(new WordPressAttachment(5, "https://x.vn/wp-content/uploads/2020/01/a.jpg", "2020/01/a.jpg", "Ảnh một", "Một", 40));
        attachments.Add(new WordPressAttachment(6, "https://x.vn/wp-content/uploads/2020/01/b.jpg", "2020/01/b.jpg", null, null, 40));
        return attachments;
    }

    private static WordPressBody Convert(string content, long postId = 1) => WordPressContent.Convert(content, postId, Attachments);

    [Fact]
    public void Classic_text_becomes_paragraphs_and_single_line_breaks_br()
    {
        var body = Convert("Đoạn một,\ndòng hai.\r\n\r\nĐoạn <strong>hai</strong>.");

        Assert.Equal("<p>Đoạn một,<br>\ndòng hai.</p>\n<p>Đoạn <strong>hai</strong>.</p>", body.Html);
    }

    [Fact]
    public void Blocks_are_not_wrapped_and_text_inside_a_blockquote_is()
    {
        var body = Convert("<h2>Tiêu đề</h2>\nMở đầu\n\n<ul>\n<li>một</li>\n</ul>\n<blockquote>Trích dẫn\n\nđoạn hai</blockquote>");

        Assert.Equal("<h2>Tiêu đề</h2>\n<p>Mở đầu</p>\n<ul>\n<li>một</li>\n</ul>\n<blockquote><p>Trích dẫn</p>\n<p>đoạn hai</p></blockquote>", body.Html);
    }

    [Fact]
    public void Block_editor_content_loses_its_comments_and_is_not_re_paragraphed()
    {
        var body = Convert("<!-- wp:paragraph -->\n<p>Một\nhai</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image {\"id\":5,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image\"><img src=\"https://x.vn/wp-content/uploads/2020/01/a-1024x768.jpg\" alt=\"\"/></figure>\n<!-- /wp:image -->");

        Assert.DoesNotContain("wp:", body.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<br>", body.Html, StringComparison.Ordinal);
        Assert.StartsWith("<p>Một\nhai</p>", body.Html, StringComparison.Ordinal);
        var image = Assert.Single(body.Images);
        Assert.Equal(5, image.AttachmentId);
    }

    [Fact]
    public void A_caption_shortcode_becomes_a_figure_without_the_link_around_the_image()
    {
        var body = Convert("[caption id=\"attachment_5\" align=\"alignnone\" width=\"300\"]<a href=\"https://x.vn/wp-content/uploads/2020/01/a.jpg\"><img src=\"https://x.vn/wp-content/uploads/2020/01/a-300x200.jpg\" alt=\"Một\" width=\"300\" height=\"200\" /></a> Lễ <em>khai mạc</em>[/caption]");

        Assert.Equal("<figure><img src=\"https://x.vn/wp-content/uploads/2020/01/a-300x200.jpg\" alt=\"Một\" width=\"300\" height=\"200\"><figcaption>Lễ <em>khai mạc</em></figcaption></figure>", body.Html);
        var image = Assert.Single(body.Images);
        Assert.Equal("Lễ khai mạc", image.Caption);
        Assert.Equal(5, image.AttachmentId);
    }

    [Fact]
    public void An_old_caption_attribute_is_the_caption()
    {
        var body = Convert("[caption id=\"attachment_6\" caption=\"Toàn cảnh &quot;lễ hội&quot;\"]<img src=\"https://x.vn/wp-content/uploads/2020/01/b.jpg\" alt=\"\" />[/caption]");

        Assert.Contains("<figcaption>Toàn cảnh \"lễ hội\"</figcaption>", body.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gallery_becomes_figures_of_its_attachments_and_without_ids_of_the_posts_uploads()
    {
        var withIds = Convert("[gallery ids=\"6, 5, 99\"]");
        var withoutIds = Convert("[gallery columns=\"3\"]", postId: 40);

        Assert.Equal(
            "<figure><img src=\"https://x.vn/wp-content/uploads/2020/01/b.jpg\" alt=\"\" class=\"wp-image-6\"></figure>\n"
            + "<figure><img src=\"https://x.vn/wp-content/uploads/2020/01/a.jpg\" alt=\"Một\" class=\"wp-image-5\"><figcaption>Ảnh một</figcaption></figure>",
            withIds.Html);
        Assert.Equal([5L, 6L], withoutIds.Images.Select(i => i.AttachmentId!.Value));
    }

    [Fact]
    public void Embed_video_and_audio_become_links()
    {
        var body = Convert("[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n[video width=\"640\" mp4=\"https://x.vn/v.mp4\"][/video]\n\n[audio mp3=\"https://x.vn/a.mp3\"]");

        Assert.Equal(
            "<p><a href=\"https://www.youtube.com/watch?v=abc\">https://www.youtube.com/watch?v=abc</a></p>\n"
            + "<p><a href=\"https://x.vn/v.mp4\">https://x.vn/v.mp4</a></p>\n"
            + "<p><a href=\"https://x.vn/a.mp3\">https://x.vn/a.mp3</a></p>",
            body.Html);
    }

    [Fact]
    public void Unknown_shortcodes_keep_their_text_and_are_reported_once_each()
    {
        var body = Convert("[su_box title=\"Chú ý\"]Nội dung [su_highlight]quan trọng[/su_highlight][/su_box]\n\n[contact-form-7 id=\"3\"]\n\n[su_box]Hai[/su_box]");

        Assert.Equal("<p>Nội dung quan trọng</p>\n<p>Hai</p>", body.Html);
        Assert.Equal(["contact-form-7", "su_box", "su_highlight"], body.UnknownShortcodes);
    }

    [Fact]
    public void Words_in_brackets_are_not_shortcodes()
    {
        var body = Convert("Xem [tin liên quan] và [Phụ lục 1], chú thích [1].");

        Assert.Equal("<p>Xem [tin liên quan] và [Phụ lục 1], chú thích [1].</p>", body.Html);
        Assert.Empty(body.UnknownShortcodes);
    }

    [Fact]
    public void Text_is_kept_escaped_and_inline_data_images_are_not_media()
    {
        var body = Convert("a &lt; b &amp; c\n\n<img src=\"data:image/png;base64,AAAA\" alt=\"\">");

        Assert.Equal("<p>a &lt; b &amp; c</p>\n<p><img src=\"data:image/png;base64,AAAA\" alt=\"\"></p>", body.Html);
        Assert.Empty(body.Images);
    }

    [Fact]
    public void Empty_content_is_an_empty_body()
    {
        Assert.Equal(string.Empty, Convert("").Html);
        Assert.Equal(string.Empty, WordPressContent.Convert(null, 1, Attachments).Html);
    }
}
