using AngleSharp.Dom;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>The article pages against forged posts, hostile text (OWASP XSS vectors) and malformed addresses.</summary>
public abstract class ArticlePagesSafetyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_post_without_its_antiforgery_token_is_a_400_and_changes_nothing()
    {
        factory.RequireProvider();
        var (_, admin) = await factory.SignedInAsync(SenRoles.Admin);
        var id = await admin.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài không có mã chống giả mạo"));
        var before = await factory.Services.ArticleAsync(id);
        var posts = new[]
        {
            "/admin/bai-viet/moi", $"/admin/bai-viet/{id}", $"/admin/bai-viet/{id}?handler=Submit", $"/admin/bai-viet/{id}?handler=Return",
            $"/admin/bai-viet/{id}?handler=Publish", $"/admin/bai-viet/{id}?handler=Unpublish", $"/admin/bai-viet/{id}?handler=Delete",
            $"/admin/bai-viet/{id}/phien-ban?handler=Restore", "/admin/thung-rac?handler=Confirm", "/admin/thung-rac?handler=Empty",
            $"/admin/thung-rac?id={id}&handler=Restore",
        };
        var fields = await factory.NewFieldsAsync("Giả mạo");
        fields["BaseRevision"] = "1";
        fields["comment"] = "Giả mạo";
        fields["number"] = "1";
        fields["baseRevision"] = "1";
        foreach (var url in posts)
        {
            using var response = await admin.PostRawAsync(url, fields);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url}: {(int)response.StatusCode}");
        }

        var after = await factory.Services.ArticleAsync(id);
        Assert.Equal((before.LatestRevision, before.Status, before.Review, before.Version), (after.LatestRevision, after.Status, after.Review, after.Version));
    }

    [Theory]
    [InlineData("/admin/bai-viet?trang=0")]
    [InlineData("/admin/bai-viet?trang=abc")]
    [InlineData("/admin/bai-viet?trang=1&trang=2")]
    [InlineData("/admin/bai-viet?trang-thai=xoa")]
    [InlineData("/admin/bai-viet?trang-thai=nhap&trang-thai=tra-lai")]
    [InlineData("/admin/bai-viet?chuyen-muc=abc")]
    [InlineData("/admin/bai-viet?chuyen-muc=-1")]
    [InlineData("/admin/bai-viet?chuyen-muc=99999999999")]
    [InlineData("/admin/bai-viet?cua-toi=co")]
    [InlineData("/admin/bai-viet/1/phien-ban/so-sanh")]
    [InlineData("/admin/bai-viet/1/phien-ban/so-sanh?tu=a&den=1")]
    [InlineData("/admin/bai-viet/1/phien-ban/so-sanh?tu=0&den=1")]
    [InlineData("/admin/thung-rac?trang=x")]
    public async Task Malformed_filters_and_pages_are_400_with_a_Vietnamese_message(string url)
    {
        factory.RequireProvider();
        var (_, admin) = await factory.SignedInAsync(SenRoles.Admin);
        var page = await admin.GetDocumentAsync(url, HttpStatusCode.BadRequest);
        Assert.Equal("Yêu cầu không hợp lệ", page.QuerySelector("h1").Text());
        Assert.DoesNotContain("Bad Request", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/bai-viet/abc")]
    [InlineData("/admin/bai-viet/0")]
    [InlineData("/admin/bai-viet/-5")]
    [InlineData("/admin/bai-viet/99999999999")]
    [InlineData("/admin/bai-viet/999999")]
    [InlineData("/admin/bai-viet/999999/xem-truoc")]
    [InlineData("/admin/bai-viet/999999/phien-ban")]
    [InlineData("/admin/bai-viet/abc/phien-ban/1")]
    [InlineData("/admin/bai-viet?trang=9999")]
    public async Task Unknown_or_malformed_ids_are_404(string url)
    {
        factory.RequireProvider();
        var (_, admin) = await factory.SignedInAsync(SenRoles.Admin);
        await admin.GetDocumentAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_long_search_and_forged_numbers_in_a_form_are_400()
    {
        factory.RequireProvider();
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        await approver.GetDocumentAsync("/admin/bai-viet?q=" + new string('a', 201), HttpStatusCode.BadRequest);
        var id = await approver.CreateThroughPageAsync(await factory.NewFieldsAsync("Bài có số giả"));
        using var forged = await approver.SubmitFormAsync($"/admin/bai-viet/{id}", "form.article-form", new() { ["BaseRevision"] = "một" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, (await factory.Services.ArticleAsync(id)).LatestRevision);
    }

    [Fact]
    public async Task A_cover_address_that_is_not_a_site_path_or_http_is_refused_next_to_its_field()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        foreach (var cover in new[] { "javascript:alert(1)", " JavaScript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "//evil.example/x.jpg", "vbscript:msgbox(1)" })
        {
            var fields = await factory.NewFieldsAsync("Ảnh đại diện độc hại");
            fields["CoverImageUrl"] = cover;
            using var response = await writer.PostFormAsync("/admin/bai-viet/moi", fields);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, cover);
            var page = await NewsroomPages.DocumentOfAsync(response);
            Assert.StartsWith("Đường dẫn ảnh đại diện phải là", page.QuerySelector("#CoverImageUrl-error").Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hostile_text_in_every_field_is_never_executable_on_the_public_page_or_any_newsroom_page()
    {
        factory.RequireProvider();
        var (_, writer) = await factory.SignedInAsync(SenRoles.Writer);
        var (_, approver) = await factory.SignedInAsync(SenRoles.Approver);
        var (_, admin) = await factory.SignedInAsync(SenRoles.Admin);
        var fields = await factory.NewFieldsAsync("\"><img src=x onerror=alert(1)><script>alert('tiêu đề')</script>");
        fields["Lead"] = "<svg onload=alert(1)>' onmouseover='alert(1)";
        fields["BodyHtml"] = "<p>Mở đầu</p><scr<script>ipt>alert(1)</scr</script>ipt><a href=\"javascript:alert(1)\">bấm</a>"
            + "<a href=\" jav&#x09;ascript:alert(1)\">bấm 2</a><img src=x onerror=alert(1)><svg onload=alert(1)><circle/></svg>"
            + "<iframe src=\"javascript:alert(1)\"></iframe><p style=\"x:expression(alert(1))\" onclick=\"alert(1)\">Kết</p>"
            + "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>";
        fields["CoverImageUrl"] = "/media/anh.jpg\" onerror=\"alert(1)";
        fields["CoverCaption"] = "\" onmouseover=\"alert(1)\" x=\"<script>alert(1)</script>";
        fields["AuthorName"] = "<script>alert(1)</script>";
        fields["AuthorUnit"] = "'><iframe src=javascript:alert(1)>";
        fields["Slug"] = "";
        var id = await writer.CreateThroughPageAsync(fields);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form.article-form", new() { ["Lead"] = "<body onload=alert(1)>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Submit']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Return']", new() { ["comment"] = "<script>alert(1)</script><img src=x onerror=alert(1)>" })).StatusCode);

        var pages = new List<(string Url, IDocument Page)>();
        foreach (var url in new[] { "/admin/bai-viet", $"/admin/bai-viet/{id}", $"/admin/bai-viet/{id}/xem-truoc", $"/admin/bai-viet/{id}/phien-ban",
            $"/admin/bai-viet/{id}/phien-ban/1", $"/admin/bai-viet/{id}/phien-ban/so-sanh?tu=1&den=2" })
        {
            pages.Add((url + " (writer)", await writer.GetDocumentAsync(url)));
        }

        // The conflict view shows what was typed and not stored yet.
        var stale = await approver.GetDocumentAsync($"/admin/bai-viet/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitFormAsync($"/admin/bai-viet/{id}", "form.article-form", new() { ["Lead"] = "Sa-pô mới." })).StatusCode);
        var yours = stale.FormFields();
        yours["BodyHtml"] = "<img src=x onerror=alert(1)><script>alert(1)</script>";
        yours["Title"] = "<svg onload=alert(1)>";
        using (var conflict = await approver.PostRawAsync($"/admin/bai-viet/{id}", yours))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            pages.Add(("conflict", await NewsroomPages.DocumentOfAsync(conflict)));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Publish']")).StatusCode);
        var article = await factory.Services.ArticleAsync(id);
        var publicUrl = ArticleUrls.Article("xay-dung-dang", article.Slug, id);
        pages.Add((publicUrl, await factory.CreateClient().GetDocumentAsync(publicUrl)));
        pages.Add(("/xay-dung-dang", await factory.CreateClient().GetDocumentAsync("/xay-dung-dang")));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Delete']")).StatusCode);
        pages.Add(("/admin/thung-rac", await admin.GetDocumentAsync("/admin/thung-rac")));

        foreach (var (url, page) in pages)
        {
            AssertNothingExecutable(url, page);
        }

        // And the text is still there, shown as text.
        var publicPage = pages.Single(p => p.Url == publicUrl).Page;
        Assert.Equal("\"><img src=x onerror=alert(1)><script>alert('tiêu đề')</script>", publicPage.QuerySelector("article h1").Text());
        Assert.Contains("<script>alert(1)</script>", publicPage.QuerySelector("article .author").Text(), StringComparison.Ordinal);
    }

    private static void AssertNothingExecutable(string url, IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            if (script.GetAttribute("type") == "application/ld+json")
            {
                // Structured data, not script; whatever was typed, it is still one JSON value (nothing broke out).
                using var data = System.Text.Json.JsonDocument.Parse(script.TextContent);
                continue;
            }

            var src = script.GetAttribute("src");
            Assert.True(src is not null && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) && script.TextContent.Trim().Length == 0,
                $"{url}: a script that is not one of Sen's files: {script.OuterHtml}");
        }

        foreach (var element in page.All)
        {
            Assert.False(element.LocalName is "iframe" or "object" or "embed" or "svg" or "math" or "base" or "style", $"{url}: <{element.LocalName}> {element.OuterHtml}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{url}: {attribute.Name} on {element.OuterHtml}");
                Assert.False(attribute.Name == "style", $"{url}: style on {element.OuterHtml}");
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                    || (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && attribute.Name != "content"),
                    $"{url}: {attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
            }
        }
    }
}

public sealed class SqliteArticlePagesSafetyTests(SqliteAppFactory factory) : ArticlePagesSafetyTests<SqliteAppFactory>(factory);

public sealed class PostgresArticlePagesSafetyTests(PostgresAppFactory factory) : ArticlePagesSafetyTests<PostgresAppFactory>(factory);
