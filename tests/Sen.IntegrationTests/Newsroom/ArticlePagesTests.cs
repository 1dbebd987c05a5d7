using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Accounts;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>The newsroom's article pages over real HTTP: who sees and does what, the editor contract, conflicts, preview, revisions and the bin.</summary>
public abstract class ArticlePagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/bai-viet")]
    [InlineData("/admin/bai-viet/moi")]
    [InlineData("/admin/bai-viet/1")]
    [InlineData("/admin/bai-viet/1/xem-truoc")]
    [InlineData("/admin/bai-viet/1/phien-ban")]
    [InlineData("/admin/bai-viet/1/phien-ban/1")]
    [InlineData("/admin/bai-viet/1/phien-ban/so-sanh?tu=1&den=1")]
    [InlineData("/admin/thung-rac")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        factory.RequireProvider();
        using var response = await factory.NewsroomClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/dang-nhap?ReturnUrl=", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_writer_creates_an_article_in_the_editor_the_rich_editor_can_enhance_and_sees_the_saved_status()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var blank = await writer.GetDocumentAsync("/admin/bai-viet/moi");
        Assert.NotNull(blank.QuerySelector("form.article-form textarea#BodyHtml[name=BodyHtml][data-rich-editor][data-upload-url='/admin/api/media'][data-media-url='/admin/api/media']"));
        Assert.NotNull(blank.QuerySelector("head script[src*='/js/editor'][defer]"));

        var id = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync("Hội nghị tổng kết công tác Đảng năm 2026"));
        var page = await writer.GetDocumentAsync($"/admin/bai-viet/{id}");
        Assert.Equal("Đã tạo bài viết (bản nháp).", page.QuerySelector("[role=status]").Text());
        Assert.Equal("hoi-nghi-tong-ket-cong-tac-dang-nam-2026", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Slug")!.Value);
        Assert.NotNull(page.QuerySelector("form.article-form textarea#BodyHtml[data-rich-editor]"));
        Assert.Equal("1", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=BaseRevision]")!.Value);

        // The status is said once; the next visit is quiet.
        Assert.Equal("", (await writer.GetDocumentAsync($"/admin/bai-viet/{id}")).QuerySelector("[role=status]").Text());

        using var saved = await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form.article-form", new() { ["Lead"] = "Sa-pô đã sửa.", ["PublishAt"] = "2030-01-02T08:30" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await factory.Services.ArticleAsync(id);
        Assert.Equal(2, article.LatestRevision);
        var revision = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().ArticleRevisions.AsNoTracking().SingleAsync(r => r.ArticleId == id && r.Number == 2, Ct));
        Assert.Equal("Sa-pô đã sửa.", revision.Lead);
        Assert.Equal(new DateTime(2030, 1, 2, 1, 30, 0, DateTimeKind.Utc), revision.PublishAt);
        var again = await writer.GetDocumentAsync($"/admin/bai-viet/{id}");
        Assert.Equal("Đã lưu bài viết thành phiên bản mới.", again.QuerySelector("[role=status]").Text());
        Assert.Equal("2030-01-02T08:30", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#PublishAt")!.Value);
    }

    [Fact]
    public async Task Validation_messages_are_in_Vietnamese_next_to_their_field_with_400()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var fields = await factory.NewFieldsAsync("  ");
        using var response = await writer.PostFormAsync("/admin/bai-viet/moi", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await NewsroomPages.DocumentOfAsync(response);
        Assert.Equal("true", page.QuerySelector("#Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("Title-error", page.QuerySelector("#Title")!.GetAttribute("aria-describedby"));
        Assert.Equal("Vui lòng nhập tiêu đề.", page.QuerySelector("#Title-error").Text());

        fields = await factory.NewFieldsAsync("Giờ sai");
        fields["PublishAt"] = "ngày mai";
        using var badTime = await writer.PostFormAsync("/admin/bai-viet/moi", fields);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        var timePage = await NewsroomPages.DocumentOfAsync(badTime);
        Assert.Contains("PublishAt-error", timePage.QuerySelector("#PublishAt")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Giờ sai", timePage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Title")!.Value);

        fields = await factory.NewFieldsAsync("Chuyên mục sai");
        fields["CategoryId"] = "abc";
        using var badCategory = await writer.PostFormAsync("/admin/bai-viet/moi", fields);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Equal("Vui lòng chọn chuyên mục.", (await NewsroomPages.DocumentOfAsync(badCategory)).QuerySelector("#CategoryId-error").Text());
    }

    [Fact]
    public async Task Writers_see_and_edit_only_their_own_articles_and_get_no_approver_actions()
    {
        factory.RequireProvider();
        var (writerAccount, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, other) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var title = "Bài riêng của biên tập viên " + Guid.NewGuid().ToString("N")[..6];
        var id = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync(title));

        var mine = await writer.GetDocumentAsync("/admin/bai-viet");
        Assert.Contains(mine.QuerySelectorAll("table a"), a => a.TextContent == title);
        var theirs = await other.GetDocumentAsync("/admin/bai-viet");
        Assert.DoesNotContain(theirs.QuerySelectorAll("table a"), a => a.TextContent == title);
        var all = await approver.GetDocumentAsync("/admin/bai-viet?q=" + Uri.EscapeDataString(title));
        var row = Assert.Single(all.QuerySelectorAll("tbody tr"));
        Assert.Contains(writerAccount.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nháp", row.TextContent, StringComparison.Ordinal);

        foreach (var url in new[] { $"/admin/bai-viet/{id}", $"/admin/bai-viet/{id}/xem-truoc", $"/admin/bai-viet/{id}/phien-ban", $"/admin/bai-viet/{id}/phien-ban/1" })
        {
            var refused = await other.GetDocumentAsync(url, HttpStatusCode.Forbidden);
            Assert.True(refused.QuerySelector("[role=alert]").Text() == "Biên tập viên chỉ được sửa bài nháp và bài bị trả lại của chính mình.", url);
        }

        var own = await writer.GetDocumentAsync($"/admin/bai-viet/{id}");
        Assert.NotNull(own.QuerySelector("form[action$='handler=Submit']"));
        Assert.NotNull(own.QuerySelector("form[action$='handler=Delete']"));
        Assert.Null(own.QuerySelector("form[action$='handler=Publish']"));
        Assert.Null(own.QuerySelector("form[action$='handler=Return']"));
        Assert.Null(own.QuerySelector("form[action$='handler=Unpublish']"));

        // A forged action is refused by the workflow with its reason, whatever the page showed.
        var token = TestAccounts.AntiforgeryToken(own);
        using var publish = await writer.PostRawAsync($"/admin/bai-viet/{id}?handler=Publish", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("Vai trò của bạn không được phép làm việc này.", (await NewsroomPages.DocumentOfAsync(publish)).QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        using var save = await other.PostRawAsync($"/admin/bai-viet/{id}", new() { ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(await other.GetDocumentAsync("/admin/bai-viet")), ["Title"] = "Sửa trộm", ["CategoryId"] = "1", ["BaseRevision"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(1, (await factory.Services.ArticleAsync(id)).LatestRevision);
        Assert.Equal(ArticleStatus.Draft, (await factory.Services.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Submit_return_with_a_comment_the_writer_sees_then_publish_and_unpublish()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var id = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài qua quy trình duyệt"));
        var edit = $"/admin/bai-viet/{id}";

        using (var submitted = await writer.SubmitFormAsync(edit, "form[action$='handler=Submit']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var waiting = await writer.GetDocumentAsync(edit);
        Assert.Equal("Đã gửi bài viết chờ duyệt.", waiting.QuerySelector("[role=status]").Text());
        Assert.NotNull(waiting.QuerySelector("fieldset.article-fields[disabled]"));
        Assert.Null(waiting.QuerySelector("form[action$='handler=Submit']"));

        var review = await approver.GetDocumentAsync(edit);
        Assert.NotNull(review.QuerySelector("form[action$='handler=Return'] textarea[name=comment][required]"));
        using (var noComment = await approver.SubmitFormAsync(edit, "form[action$='handler=Return']", new() { ["comment"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
            var page = await NewsroomPages.DocumentOfAsync(noComment);
            Assert.Equal("Vui lòng ghi rõ lý do trả lại bài.", page.QuerySelector("#comment-error").Text());
            Assert.Equal("true", page.QuerySelector("#comment")!.GetAttribute("aria-invalid"));
        }

        using (var returned = await approver.SubmitFormAsync(edit, "form[action$='handler=Return']", new() { ["comment"] = "Bổ sung số liệu quý IV." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        var back = await writer.GetDocumentAsync(edit);
        Assert.Equal("Bổ sung số liệu quý IV.", back.QuerySelector(".review-comment p").Text());
        Assert.Contains("Trả lại", back.QuerySelector(".article-facts").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitFormAsync(edit, "form[action$='handler=Submit']")).StatusCode);

        using (var published = await approver.SubmitFormAsync(edit, "form[action$='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var article = await factory.Services.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Published, ReviewState.None), (article.Status, article.Review));
        Assert.Equal("Đã xuất bản bài viết.", (await approver.GetDocumentAsync(edit)).QuerySelector("[role=status]").Text());
        await factory.CreateClient().GetDocumentAsync(ArticleUrls.Article("xay-dung-dang", article.Slug, id));

        using (var down = await approver.SubmitFormAsync(edit, "form[action$='handler=Unpublish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        }

        Assert.Equal(ArticleStatus.Unpublished, (await factory.Services.ArticleAsync(id)).Status);
        Assert.Equal("Đã gỡ bài viết khỏi cổng thông tin.", (await approver.GetDocumentAsync(edit)).QuerySelector("[role=status]").Text());
    }

    [Fact]
    public async Task Publishing_at_a_later_Vietnam_time_schedules_and_the_list_files_it_under_Hen_gio()
    {
        factory.RequireProvider();
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var (_, admin) = await factory.SignedInAsync(SenRoles.Admin);
        var title = "Bài hẹn giờ " + Guid.NewGuid().ToString("N")[..6];
        var id = await approver.CreateThroughPageAsync(await factory.NewFieldsAsync(title));
        var later = Sen.Web.Text.VietnamTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        var at = later.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        using var published = await admin.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Publish']", new() { ["publishAt"] = at });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Đã hẹn giờ xuất bản bài viết.", (await admin.GetDocumentAsync($"/admin/bai-viet/{id}")).QuerySelector("[role=status]").Text());
        var article = await factory.Services.ArticleAsync(id);
        Assert.Equal(Sen.Web.Text.VietnamTime.ToUtc(DateTime.ParseExact(at, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), article.PublishedAt);

        var scheduled = await admin.GetDocumentAsync("/admin/bai-viet?trang-thai=hen-gio&q=" + Uri.EscapeDataString(title));
        Assert.Contains("Hẹn giờ", Assert.Single(scheduled.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.Empty((await admin.GetDocumentAsync("/admin/bai-viet?trang-thai=da-xuat-ban&q=" + Uri.EscapeDataString(title))).QuerySelectorAll("tbody tr"));

        using var bad = await admin.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Publish']", new() { ["publishAt"] = "31/12/2030" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Thời gian xuất bản không hợp lệ (ngày giờ theo giờ Việt Nam).", (await NewsroomPages.DocumentOfAsync(bad)).QuerySelector("#publishAt-error").Text());
    }

    [Fact]
    public async Task The_list_filters_by_title_without_diacritics_by_category_and_mine_and_pages()
    {
        factory.RequireProvider();
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await approver.CreateThroughPageAsync(await factory.NewFieldsAsync($"Đại hội Đảng bộ tỉnh {tag}"));
        await writer.CreateThroughPageAsync(await factory.NewFieldsAsync($"Hội nghị cán bộ chủ chốt {tag}"));

        Assert.Equal(2, (await approver.GetDocumentAsync($"/admin/bai-viet?q={tag}")).QuerySelectorAll("tbody tr").Length);
        var folded = await approver.GetDocumentAsync($"/admin/bai-viet?q=" + Uri.EscapeDataString($"dai hoi dang bo tinh {tag}"));
        Assert.Equal($"Đại hội Đảng bộ tỉnh {tag}", Assert.Single(folded.QuerySelectorAll("tbody tr a")).TextContent);
        Assert.Single((await approver.GetDocumentAsync($"/admin/bai-viet?q=HOI+NGHI+CAN+BO+CHU+CHOT+{tag}")).QuerySelectorAll("tbody tr"));
        Assert.Single((await approver.GetDocumentAsync($"/admin/bai-viet?cua-toi=1&q={tag}")).QuerySelectorAll("tbody tr"));
        Assert.Single((await writer.GetDocumentAsync($"/admin/bai-viet?q={tag}")).QuerySelectorAll("tbody tr"));
        var category = await factory.CategoryIdAsync();
        Assert.Equal(2, (await approver.GetDocumentAsync($"/admin/bai-viet?chuyen-muc={category}&trang-thai=nhap&q={tag}")).QuerySelectorAll("tbody tr").Length);
        Assert.Empty((await approver.GetDocumentAsync($"/admin/bai-viet?trang-thai=cho-duyet&q={tag}")).QuerySelectorAll("tbody tr"));
        var first = await approver.GetDocumentAsync("/admin/bai-viet?trang=1");
        Assert.NotEmpty(first.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Two_people_saving_the_same_article_the_second_gets_409_with_both_versions_and_keeps_what_they_typed()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var id = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài hai người cùng sửa"));
        var edit = $"/admin/bai-viet/{id}";
        var writersPage = await writer.GetDocumentAsync(edit);
        var approversPage = await approver.GetDocumentAsync(edit);

        var writersFields = writersPage.FormFields();
        writersFields["Title"] = "Tiêu đề của biên tập viên";
        using (var first = await writer.PostRawAsync(edit, writersFields))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var approversFields = approversPage.FormFields();
        approversFields["Title"] = "Tiêu đề của người duyệt";
        approversFields["BodyHtml"] = "<p>Đoạn người duyệt viết lại.</p>";
        using var second = await approver.PostRawAsync(edit, approversFields);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await NewsroomPages.DocumentOfAsync(second);
        Assert.StartsWith("Trong lúc bạn sửa, người khác đã lưu", page.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        var titleRow = page.QuerySelectorAll(".conflict-table tbody tr").First(r => r.QuerySelector("th").Text().StartsWith("Tiêu đề", StringComparison.Ordinal));
        Assert.Equal("Tiêu đề của biên tập viên", titleRow.QuerySelector(".conflict-theirs").Text());
        Assert.Equal("Tiêu đề của người duyệt", titleRow.QuerySelector(".conflict-yours").Text());
        Assert.Contains(page.QuerySelectorAll(".conflict-yours"), c => c.Text() == "Đoạn người duyệt viết lại.");
        Assert.Equal("Tiêu đề của người duyệt", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Title")!.Value);
        Assert.Equal("<p>Đoạn người duyệt viết lại.</p>", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#BodyHtml")!.Value);
        Assert.Equal("2", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=BaseRevision]")!.Value);

        // Saving again, knowingly, on top of the newer revision.
        using var again = await approver.PostRawAsync(edit, page.FormFields());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var article = await factory.Services.ArticleAsync(id);
        Assert.Equal(3, article.LatestRevision);
    }

    [Fact]
    public async Task The_preview_is_the_public_article_markup_never_cached_never_indexed_never_counted()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var fields = await factory.NewFieldsAsync("Bài xem trước giống trang công khai");
        fields["BodyHtml"] = "<h2>Phần một</h2><p>Đoạn có <a href=\"https://example.vn/\">liên kết</a> và <strong>chữ đậm</strong>.</p><ul><li>Một</li><li>Hai</li></ul>";
        fields["CoverImageUrl"] = "https://example.vn/anh.jpg";
        fields["CoverCaption"] = "Chú thích ảnh";
        var id = await writer.CreateThroughPageAsync(fields);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Submit']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Publish']")).StatusCode);

        await factory.Services.FlushViewsAsync();
        using var preview = await writer.GetAsync(new Uri($"/admin/bai-viet/{id}/xem-truoc", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("no-store", preview.Headers.CacheControl!.ToString());
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        var previewPage = await NewsroomPages.DocumentOfAsync(preview);
        Assert.Contains("noindex", previewPage.QuerySelector("meta[name=robots]")!.GetAttribute("content"), StringComparison.Ordinal);
        await writer.GetDocumentAsync($"/admin/bai-viet/{id}/xem-truoc");
        Assert.Equal(0, await factory.Services.FlushViewsAsync());

        var article = await factory.Services.ArticleAsync(id);
        var publicPage = await factory.CreateClient().GetDocumentAsync(ArticleUrls.Article("xay-dung-dang", article.Slug, id));
        Assert.Equal(Markup(publicPage.QuerySelector("article.article")), Markup(previewPage.QuerySelector("article.article")));
        Assert.Equal(Compacted(publicPage.QuerySelector("nav.breadcrumb")!.OuterHtml), Compacted(previewPage.QuerySelector("nav.breadcrumb")!.OuterHtml));
        Assert.Equal(publicPage.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"), previewPage.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));

        // The working copy, not the published one: an edit shows in the preview at once and nowhere public.
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitFormAsync($"/admin/bai-viet/{id}", "form.article-form", new() { ["Title"] = "Tiêu đề mới chưa duyệt" })).StatusCode);
        Assert.Equal("Tiêu đề mới chưa duyệt", (await approver.GetDocumentAsync($"/admin/bai-viet/{id}/xem-truoc")).QuerySelector("article h1").Text());
        Assert.Equal("Bài xem trước giống trang công khai", (await factory.CreateClient().GetDocumentAsync(ArticleUrls.Article("xay-dung-dang", article.Slug, id))).QuerySelector("article h1").Text());

        // The live count differs by design (readers were counted, the preview was not); the rest is the same markup.
        static string Markup(AngleSharp.Dom.IElement? article)
        {
            Assert.NotNull(article);
            foreach (var count in article.QuerySelectorAll(".view-count"))
            {
                count.TextContent = "";
            }

            return Compacted(article.OuterHtml);
        }

        // The public page leaves without the templates' indentation (compacted once per render, then cached);
        // the preview is rendered for each request and keeps it. A browser shows both the same.
        static string Compacted(string html)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(html);
            return System.Text.Encoding.UTF8.GetString(bytes, 0, Sen.Web.Infrastructure.Http.HtmlWhitespace.Compact(bytes));
        }
    }

    [Fact]
    public async Task Revisions_are_listed_compared_word_by_word_with_labels_and_restored_as_a_new_revision()
    {
        factory.RequireProvider();
        var (account, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var id = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài có nhiều phiên bản"));
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form.article-form", new() { ["BodyHtml"] = "<p>Nội dung thứ hai của bài.</p>" })).StatusCode);

        var list = await writer.GetDocumentAsync($"/admin/bai-viet/{id}/phien-ban");
        var rows = list.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains(account.Email, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản làm việc", rows[0].TextContent, StringComparison.Ordinal);

        var compare = await writer.GetDocumentAsync($"/admin/bai-viet/{id}/phien-ban/so-sanh?tu=1&den=2");
        var body = compare.QuerySelectorAll(".diff")[2];
        Assert.Equal("[Đã bỏ: đầu tiên ]", body.QuerySelector("del").Text());
        Assert.Equal("[Đã thêm: thứ hai ]", body.QuerySelector("ins").Text());

        var one = await writer.GetDocumentAsync($"/admin/bai-viet/{id}/phien-ban/1");
        Assert.Equal("Nội dung đầu tiên của bài.", one.QuerySelector(".revision-body").Text());

        using var restored = await writer.SubmitFormAsync($"/admin/bai-viet/{id}/phien-ban", "form[action$='handler=Restore']");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var article = await factory.Services.ArticleAsync(id);
        Assert.Equal(3, article.LatestRevision);
        var edit = await writer.GetDocumentAsync($"/admin/bai-viet/{id}");
        Assert.Equal("<p>Nội dung đầu tiên của bài.</p>", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#BodyHtml")!.Value);
        Assert.Contains("Khôi phục từ một phiên bản cũ", (await writer.GetDocumentAsync($"/admin/bai-viet/{id}/phien-ban")).QuerySelectorAll("tbody tr")[0].TextContent, StringComparison.Ordinal);

        await writer.GetDocumentAsync($"/admin/bai-viet/{id}/phien-ban/so-sanh?tu=1&den=99", HttpStatusCode.NotFound);
        await writer.GetDocumentAsync($"/admin/bai-viet/{id}/phien-ban/99", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_moves_to_the_bin_an_administrator_restores_or_empties_after_confirming()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, admin) = await factory.SignedInAsync(SenRoles.Admin);
        var kept = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài bị xóa rồi khôi phục"));
        var gone = await writer.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài bị xóa vĩnh viễn"));
        foreach (var id in new[] { kept, gone })
        {
            using var deleted = await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Delete']");
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.Equal("/admin/bai-viet", deleted.Headers.Location!.OriginalString);
        }

        Assert.Equal("Đã chuyển bài viết vào thùng rác.", (await writer.GetDocumentAsync("/admin/bai-viet")).QuerySelector("[role=status]").Text());
        using (var refused = await writer.GetAsync(new Uri("/admin/thung-rac", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/admin/khong-du-quyen", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        Assert.Null((await writer.GetDocumentAsync("/admin/bai-viet")).QuerySelector("a[href='/admin/thung-rac']"));
        var bin = await admin.GetDocumentAsync("/admin/thung-rac");
        Assert.NotNull(bin.QuerySelector("a[href='/admin/thung-rac'][aria-current=page]"));
        Assert.Contains(bin.QuerySelectorAll("tbody a"), a => a.TextContent == "Bài bị xóa vĩnh viễn");

        var restoreForm = $"form[action='/admin/thung-rac?id={kept}&handler=Restore']";
        Assert.NotNull(bin.QuerySelector(restoreForm));
        using (var restored = await admin.SubmitFormAsync("/admin/thung-rac", restoreForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.Null((await factory.Services.ArticleAsync(kept)).DeletedAt);

        // Emptying asks first: the first post only shows the question.
        using var asked = await admin.SubmitFormAsync("/admin/thung-rac", "form[action$='handler=Confirm']");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await NewsroomPages.DocumentOfAsync(asked);
        Assert.NotNull(question.QuerySelector("form[action$='handler=Empty']"));
        Assert.NotNull(await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == gone, Ct)));

        using var emptied = await admin.PostRawAsync("/admin/thung-rac?handler=Empty", question.FormFields("form[action$='handler=Empty']"));
        Assert.Equal(HttpStatusCode.Redirect, emptied.StatusCode);
        Assert.Null(await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == gone, Ct)));
        Assert.StartsWith("Đã xóa vĩnh viễn", (await admin.GetDocumentAsync("/admin/thung-rac")).QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
    }
}

public sealed class SqliteArticlePagesTests(SqliteAppFactory factory) : ArticlePagesTests<SqliteAppFactory>(factory);

public sealed class PostgresArticlePagesTests(PostgresAppFactory factory) : ArticlePagesTests<PostgresAppFactory>(factory);
