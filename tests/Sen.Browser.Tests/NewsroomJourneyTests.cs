using System.Text.RegularExpressions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Sen.Browser.Tests;

/// <summary>
/// The newsroom end to end, as its people do it in a browser: the administrator invites a writer and an approver;
/// the writer writes an article with an uploaded image and a table and submits it; the approver returns it with a
/// comment; the writer fixes it and submits again; the approver publishes; readers see it with its responsive image.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class NewsroomJourneyTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private const string Password = "MatKhauBienTap2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_writer_and_an_approver_carry_an_article_with_an_image_and_a_table_from_draft_to_the_public_site()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var adminContext = await site.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await account.SignInAsync(admin, Ct);
        var writerLink = await InviteAsync(admin, $"bientap-{suffix}@example.vn", "Biên tập viên Hà", "Writer");
        var approverLink = await InviteAsync(admin, $"duyet-{suffix}@example.vn", "Người duyệt Minh", "Approver");

        await using var writerContext = await site.NewContextAsync();
        var writer = await writerContext.NewPageAsync();
        await AcceptAsync(writer, writerLink);
        await using var approverContext = await site.NewContextAsync();
        var approver = await approverContext.NewPageAsync();
        await AcceptAsync(approver, approverLink);

        // The writer drafts: title, category, lead, a paragraph, a table and an uploaded image with its caption.
        var title = $"Hội nghị sơ kết công tác xây dựng Đảng {suffix}";
        await writer.GotoAsync("/admin/bai-viet/moi");
        await writer.Locator(".rich-editor.is-ready").WaitForAsync();
        await writer.Locator("#Title").FillAsync(title);
        await writer.Locator("#CategoryId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await writer.Locator("#Lead").FillAsync("Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết.");
        await writer.Locator(".ql-editor").ClickAsync();
        await writer.Keyboard.TypeAsync("Hội nghị đánh giá kết quả 6 tháng đầu năm.");
        await writer.Keyboard.PressAsync("Enter");
        await writer.Locator(".rich-editor-toolbar .ql-table-insert").ClickAsync();
        await writer.GetByLabel("Số hàng (1–50)").FillAsync("2");
        await writer.Keyboard.PressAsync("Enter");
        await writer.Locator(".ql-editor table").WaitForAsync();
        await writer.Keyboard.TypeAsync("Chỉ tiêu");
        await writer.Keyboard.PressAsync("Control+End");
        await writer.Locator(".rich-editor-toolbar .ql-image").ClickAsync();
        await writer.Locator("dialog[open] input[type=file]").SetInputFilesAsync(new FilePayload { Name = "hoi-nghi.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await writer.GetByLabel("Mô tả ảnh (bắt buộc)", new() { Exact = true }).FillAsync("Quang cảnh hội nghị");
        await writer.GetByLabel("Chú thích ảnh", new() { Exact = true }).FillAsync("Các đại biểu dự hội nghị");
        await writer.Locator("dialog[open] button[type=submit]", new() { HasTextString = "Chèn ảnh" }).ClickAsync();
        var image = writer.Locator(".ql-editor figure img[alt='Quang cảnh hội nghị']");
        await image.WaitForAsync();
        await writer.Locator("#CoverImageUrl").FillAsync((await image.GetAttributeAsync("src"))!);
        await writer.Locator("#CoverCaption").FillAsync("Quang cảnh hội nghị");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Lưu bài viết" }).ClickAsync();
        await writer.WaitForURLAsync(url => EditPath().IsMatch(new Uri(url).AbsolutePath));
        var editUrl = new Uri(writer.Url).AbsolutePath;
        var submit = writer.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" });
        await submit.ClickAsync();
        await submit.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Waiting for approval, it is nowhere on the public site.
        Assert.Equal(0, await writer.Locator("a.public-link").CountAsync());
        Assert.DoesNotContain(title, await site.Http.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);

        // The approver returns it with a comment; the writer sees the comment.
        await approver.GotoAsync(editUrl);
        await approver.GetByLabel("Lý do trả lại (bắt buộc)").FillAsync("Bổ sung số liệu vào bảng.");
        var returnButton = approver.GetByRole(AriaRole.Button, new() { Name = "Trả lại" });
        await returnButton.ClickAsync();
        await returnButton.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await writer.GotoAsync(editUrl);
        Assert.Contains("Bổ sung số liệu vào bảng.", await writer.Locator(".review-comment").TextContentAsync(), StringComparison.Ordinal);

        // The writer fixes the table and submits again.
        await writer.Locator(".rich-editor.is-ready").WaitForAsync();
        await writer.Locator(".ql-editor table td").Nth(1).ClickAsync();
        await writer.Keyboard.TypeAsync("125 đảng viên mới");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Lưu bài viết" }).ClickAsync();
        await writer.WaitForURLAsync(url => new Uri(url).AbsolutePath == editUrl);
        await submit.ClickAsync();
        await submit.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(0, await writer.GetByRole(AriaRole.Button, new() { Name = "Xuất bản / Hẹn giờ" }).CountAsync());

        // The approver publishes; readers see the article, its table and its cover at every responsive width.
        await approver.GotoAsync(editUrl);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Xuất bản / Hẹn giờ" }).ClickAsync();
        var publicLink = approver.Locator("a.public-link");
        await publicLink.WaitForAsync();

        await using var readerContext = await site.NewContextAsync(Viewports.Phone);
        var reader = await readerContext.NewPageAsync();
        Assert.Equal(200, (await reader.GotoAsync((await publicLink.GetAttributeAsync("href"))!))!.Status);
        Assert.Equal(title, (await reader.Locator("h1").TextContentAsync())!.Trim());
        Assert.Contains("125 đảng viên mới", await reader.Locator("article table").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Các đại biểu dự hội nghị", (await reader.Locator("article figure figcaption").Last.TextContentAsync())!.Trim());
        var srcset = await reader.Locator("article picture source").First.GetAttributeAsync("srcset");
        Assert.Contains("480w", srcset, StringComparison.Ordinal);
        var shown = await reader.Locator("article picture img").First.EvaluateAsync<string>("img => img.complete && img.naturalWidth > 0 ? img.currentSrc : ''");
        Assert.StartsWith(site.BaseAddress.ToString().TrimEnd('/') + "/media/", shown, StringComparison.Ordinal);
    }

    private static async Task<string> InviteAsync(IPage admin, string email, string name, string role)
    {
        await admin.GotoAsync("/admin/nguoi-dung");
        await admin.Locator("#invite-email").FillAsync(email);
        await admin.Locator("#invite-name").FillAsync(name);
        await admin.Locator("#invite-role").SelectOptionAsync(role);
        await admin.Locator("form.admin-invite button[type=submit]").ClickAsync();
        var notice = await admin.Locator(".admin-notice").TextContentAsync();
        return InvitationPath().Match(notice!).Value;
    }

    private static async Task AcceptAsync(IPage page, string link)
    {
        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        await page.Locator("#new-password").FillAsync(Password);
        await page.Locator("#confirm-password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu mật khẩu" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
    }

    private static byte[] Jpeg()
    {
        using var image = new Image<Rgb24>(1200, 675, new Rgb24(176, 23, 31));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    [GeneratedRegex("^/admin/bai-viet/[0-9]+$")]
    private static partial Regex EditPath();

    [GeneratedRegex("/admin/loi-moi/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationPath();
}
