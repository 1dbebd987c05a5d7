using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Features.Import.WordPress;

namespace Sen.Tests.Import.WordPress;

public sealed class WordPressExportSourceTests : IDisposable
{
    private const string Site = "https://dangbo-queson.vn";
    private readonly WordPressFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private async Task<(WordPressExportSource Source, List<ImportRead> Reads)> ReadAsync(string name = "export.xml")
    {
        var source = new WordPressExportSource(WordPressFixture.Export(name), fixture.Uploads);
        return (source, await WordPressFixture.ReadAllAsync(source));
    }

    private static ImportItem Item(List<ImportRead> reads, string key) => Assert.Single(reads, r => r.Item?.SourceKey == key).Item!;

    [Fact]
    public async Task Posts_and_pages_come_in_file_order_and_the_rest_is_skipped_and_counted()
    {
        var (source, reads) = await ReadAsync();

        Assert.All(reads, r => Assert.Null(r.Failure));
        Assert.Equal(["wp:12", "wp:13", "wp:20", "wp:14", "wp:18"], reads.Select(r => r.Item!.SourceKey));
        Assert.Equal(["nav_menu_item=1", "revision=1", "trash=1"], source.Report.Skipped.Select(s => $"{s.Key}={s.Value}"));
        Assert.Equal(3, source.Report.Attachments);
        Assert.Equal("import-wordpress", source.Name);
    }

    [Fact]
    public async Task A_classic_post_keeps_its_date_views_author_category_chain_tags_and_lead()
    {
        var (_, reads) = await ReadAsync();
        var post = Item(reads, "wp:12");

        Assert.Equal("Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW", post.Title);
        Assert.Equal(new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, post.PublishedAt!.Value.Kind);
        Assert.Equal(1520, post.Views);
        Assert.Equal("Nguyễn Văn An", post.AuthorName);
        Assert.Equal(["Tin tức", "Hoạt động", "Xây dựng Đảng"], post.CategoryPath);
        Assert.Equal(["Hội nghị", "Kết luận 62"], post.Tags);
        Assert.Equal("Ban Thường vụ Huyện ủy Quế Sơn tổng kết 10 năm thực hiện Kết luận số 62-KL/TW.", post.Lead);
        Assert.False(post.Draft);
        Assert.Equal(Site + "/2019/10/03/hoi-nghi-tong-ket/", post.SourceUrl);
        Assert.Equal(["/2019/10/03/hoi-nghi-tong-ket/", "/?p=12"], post.OldPaths);
    }

    [Fact]
    public async Task The_caption_becomes_a_figure_and_its_image_the_original_upload()
    {
        var (_, reads) = await ReadAsync();
        var post = Item(reads, "wp:12");

        Assert.Contains(
            "<figure><img class=\"size-medium wp-image-101\" src=\"" + Site + "/wp-content/uploads/2019/10/hoi-nghi-300x200.jpg\" alt=\"Hội nghị tổng kết\" width=\"300\" height=\"200\"><figcaption>Quang cảnh Hội nghị tổng kết</figcaption></figure>",
            post.BodyHtml,
            StringComparison.Ordinal);
        var inBody = Assert.Single(post.Media, m => m.Reference.EndsWith("hoi-nghi-300x200.jpg", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(fixture.Uploads, "2019", "10", "hoi-nghi.jpg"), inBody.LocalPath);
        Assert.Equal("Quang cảnh Hội nghị tổng kết", inBody.Caption);
        Assert.Equal("Hội nghị tổng kết", inBody.AltText);
    }

    [Fact]
    public async Task The_featured_image_is_the_cover()
    {
        var (_, reads) = await ReadAsync();
        var post = Item(reads, "wp:12");

        Assert.Equal(Site + "/wp-content/uploads/2019/10/hoi-nghi.jpg", post.CoverReference);
        var cover = Assert.Single(post.Media, m => m.Reference == post.CoverReference);
        Assert.Equal(Path.Combine(fixture.Uploads, "2019", "10", "hoi-nghi.jpg"), cover.LocalPath);
        Assert.Equal("Quang cảnh Hội nghị tổng kết 10 năm", cover.Caption);
    }

    [Fact]
    public async Task A_block_editor_post_loses_its_block_comments_and_gets_its_gallery_from_attachments_listed_after_it()
    {
        var (_, reads) = await ReadAsync();
        var post = Item(reads, "wp:13");

        Assert.DoesNotContain("wp:", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("[gallery", post.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Bà con làm đường</figcaption>", post.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Cán bộ dân vận thăm hỏi bà con</figcaption>", post.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(3, post.Media.Count);
        Assert.Equal(Path.Combine(fixture.Uploads, "2019", "11", "dan-van.jpg"), post.Media.Single(m => m.Reference.EndsWith("dan-van-1024x683.jpg", StringComparison.Ordinal)).LocalPath);
        Assert.Null(post.Media.Single(m => m.Reference.EndsWith("lam-duong.jpg", StringComparison.Ordinal)).LocalPath);
        Assert.Equal("Cán bộ dân vận", post.Media.Single(m => m.Reference == Site + "/wp-content/uploads/2019/11/dan-van.jpg").AltText);
    }

    [Fact]
    public async Task Without_a_gmt_date_the_local_date_is_read_in_Vietnam_time()
    {
        var (_, reads) = await ReadAsync();
        var post = Item(reads, "wp:13");

        Assert.Equal(new DateTime(2019, 11, 20, 1, 30, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(300, post.Views);
        Assert.Equal("Trần Thị Lan", post.AuthorName);
        Assert.Equal(["Tin tức", "Dân vận"], post.CategoryPath);
        Assert.Null(post.Lead);
    }

    [Fact]
    public async Task A_page_lands_in_the_pages_category_with_its_page_id_address()
    {
        var (_, reads) = await ReadAsync();
        var page = Item(reads, "wp:20");

        Assert.Equal([WordPressExportSource.PagesCategory], page.CategoryPath);
        Assert.Equal(["/gioi-thieu/", "/?page_id=20"], page.OldPaths);
        Assert.Equal("<p>Huyện Quế Sơn nằm ở phía tây tỉnh Quảng Nam.</p>\n<p>Đảng bộ huyện có 45 tổ chức cơ sở đảng.</p>", page.BodyHtml);
    }

    [Fact]
    public async Task A_draft_is_a_draft_without_a_date()
    {
        var (_, reads) = await ReadAsync();
        var draft = Item(reads, "wp:14");

        Assert.True(draft.Draft);
        Assert.Null(draft.PublishedAt);
        Assert.Equal(["/?p=14"], draft.OldPaths);
    }

    [Fact]
    public async Task An_unknown_author_is_named_by_login_and_reported_and_a_missing_upload_has_no_path()
    {
        var (source, reads) = await ReadAsync();
        var post = Item(reads, "wp:18");

        Assert.Equal("ctv_quexuan", post.AuthorName);
        Assert.Equal(["ctv_quexuan"], source.Report.UnknownAuthors);
        var missing = Assert.Single(post.Media);
        Assert.Null(missing.LocalPath);
        Assert.Equal("Làm đường", missing.AltText);
        Assert.Equal(["su_note"], source.Report.UnknownShortcodes);
    }

    [Fact]
    public async Task A_truncated_export_yields_the_items_before_the_break_and_then_says_where_it_broke()
    {
        var (_, reads) = await ReadAsync("export-truncated.xml");

        Assert.Equal(["wp:12", "wp:13", "wp:20", "wp:14"], reads.Where(r => r.Item is not null).Select(r => r.Item!.SourceKey));
        var failure = reads[^1].Failure;
        Assert.NotNull(failure);
        Assert.Contains("dòng", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("export-truncated.xml", failure.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_exported_twice_is_read_once_and_the_second_is_reported()
    {
        var (_, reads) = await ReadAsync("export-duplicate.xml");

        Assert.Equal(5, reads.Count(r => r.Item is not null));
        Assert.DoesNotContain(reads, r => r.Item?.BodyHtml.Contains("BẢN LẶP", StringComparison.Ordinal) == true);
        var failure = Assert.Single(reads, r => r.Failure is not null).Failure!;
        Assert.Contains("12", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_declared_latin1_but_written_in_utf8_is_read_as_utf8_and_reported()
    {
        var (source, reads) = await ReadAsync("export-wrong-encoding.xml");

        Assert.Equal("Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW", Item(reads, "wp:12").Title);
        Assert.NotNull(source.Report.EncodingNote);
        Assert.Contains("ISO-8859-1", source.Report.EncodingNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_uploads_folder_every_image_is_reported_missing()
    {
        var source = new WordPressExportSource(WordPressFixture.Export(), null);
        var reads = await WordPressFixture.ReadAllAsync(source);

        Assert.All(reads.SelectMany(r => r.Item!.Media), m => Assert.Null(m.LocalPath));
    }

    [Fact]
    public void Old_paths_of_a_site_in_a_folder_keep_the_folder_and_ignore_other_hosts()
    {
        var paths = WordPressExportSource.OldPaths("post", 7, "https://www.x.vn/blog/2020/01/bai-viet/", "https://cdn.other.vn/?p=7", new Uri("https://x.vn/blog"));

        Assert.Equal(["/blog/2020/01/bai-viet/", "/blog/?p=7"], paths);
    }

    [Fact]
    public void Uploads_never_leave_their_folder()
    {
        var uploads = new WordPressUploads(fixture.Uploads);

        Assert.Null(uploads.ResolveRelative("../../etc/passwd"));
        Assert.Null(uploads.ResolveUrl("https://x.vn/wp-content/uploads/../../../etc/passwd"));
        Assert.Equal(Path.Combine(fixture.Uploads, "2019", "10", "hoi-nghi.jpg"), uploads.ResolveUrl("https://x.vn/wp-content/uploads/2019/10/hoi-nghi-1024x768.jpg?ver=2"));
    }
}
