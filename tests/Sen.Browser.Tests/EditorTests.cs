using AngleSharp.Html.Parser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Sen.Browser.Tests;

/// <summary>The article editor (Quill, wwwroot/js/editor.js) on /admin/bai-viet/moi: usable by keyboard alone, cleans a Word paste, passes axe.</summary>
[Collection(BrowserSuite.Name)]
public sealed class EditorTests(SenSite site, NewsroomAccount account) : IClassFixture<NewsroomAccount>
{
    private const string NewArticle = "/admin/bai-viet/moi";
    private const int MaxTabs = 40;

    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_keyboard_alone_writes_formats_inserts_a_table_and_an_image_leaves_the_editor_and_saves()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = CollectErrors(page);
        await OpenEditorAsync(page);

        await page.Locator("#Title").FocusAsync();
        await page.Keyboard.TypeAsync("Bài viết soạn bằng bàn phím");
        await page.Locator("#CategoryId").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator("#PublishAt").FocusAsync();

        // Tab from the field before the body reaches every toolbar button, then the writing area.
        var buttons = await page.Locator(".rich-editor-toolbar button").CountAsync();
        Assert.True(buttons >= 17, $"only {buttons} toolbar buttons");
        var visited = new List<string>();
        for (var i = 0; i < MaxTabs && !await EditorHasFocusAsync(page); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var name = await page.EvaluateAsync<string?>("() => document.activeElement.closest('.rich-editor-toolbar') ? (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent) : null");
            if (name is not null)
            {
                visited.Add(name);
            }
        }

        Assert.True(await EditorHasFocusAsync(page), "Tab never reached the writing area.");
        Assert.Equal(buttons, visited.Distinct().Count());
        Assert.Contains("Chữ đậm (Ctrl+B)", visited);

        await page.Keyboard.TypeAsync("Kết quả hội nghị");
        await ToolbarButtonAsync(page, "ql-header[value=\"2\"]");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await EditorHasFocusAsync(page), "A toolbar button did not give the focus back to the writing area.");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Đoạn văn có ");
        await page.Keyboard.PressAsync("Control+B");
        await page.Keyboard.TypeAsync("chữ đậm");
        await page.Keyboard.PressAsync("Control+B");
        await page.Keyboard.TypeAsync(" ở giữa.");
        await page.Keyboard.PressAsync("Enter");

        await ToolbarButtonAsync(page, "ql-table-insert");
        await page.Keyboard.PressAsync("Enter");
        var tableDialog = page.Locator("dialog[open]");
        Assert.Equal("Số hàng (1–50)", await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Enter");
        await tableDialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.True(await EditorHasFocusAsync(page), "Closing the table dialog did not give the focus back to the writing area.");
        await page.Keyboard.TypeAsync("Chỉ tiêu");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("125");
        await page.Keyboard.PressAsync("Control+End");

        await ToolbarButtonAsync(page, "ql-image");
        await page.Keyboard.PressAsync("Enter");
        var imageDialog = page.Locator("dialog[open]");
        Assert.Equal("file", await page.EvaluateAsync<string>("() => document.activeElement.type"));
        // The system's file chooser is outside the page: a keyboard user picks the file there; the test hands it over.
        await page.Locator("dialog[open] input[type=file]").SetInputFilesAsync(new FilePayload { Name = "hoi-nghi.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await TabToAsync(page, "() => document.activeElement.labels && document.activeElement.labels[0] && document.activeElement.labels[0].textContent === 'Mô tả ảnh (bắt buộc)'");
        await page.Keyboard.TypeAsync("Quang cảnh hội nghị");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Hội nghị tổng kết năm 2026");
        await TabToAsync(page, "() => document.activeElement.textContent === 'Chèn ảnh' && document.activeElement.type === 'submit'");
        await page.Keyboard.PressAsync("Enter");
        await imageDialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator(".ql-editor figure img[alt='Quang cảnh hội nghị']").WaitForAsync();
        Assert.True(await EditorHasFocusAsync(page), "Closing the image dialog did not give the focus back to the writing area.");

        // Tab inside the editor indents; Esc then Tab leaves it for the next control, the save button.
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await EditorHasFocusAsync(page), "Esc then Tab did not leave the editor.");
        Assert.Equal("Lưu bài viết", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, "^/admin/bai-viet/[0-9]+$"));

        var stored = await StoredBodyAsync(page.Url);
        var document = new HtmlParser().ParseDocument("<body>" + stored);
        Assert.Equal("Kết quả hội nghị", document.QuerySelector("h2")?.TextContent);
        Assert.Equal("chữ đậm", document.QuerySelector("p strong")?.TextContent);
        Assert.Contains("Đoạn văn có chữ đậm ở giữa.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Chỉ tiêu", "125", "", ""], document.QuerySelectorAll("table td").Select(td => td.TextContent.Trim()));
        var image = document.QuerySelector("figure > img");
        Assert.NotNull(image);
        Assert.Equal("Quang cảnh hội nghị", image.GetAttribute("alt"));
        Assert.StartsWith("/media/", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("Hội nghị tổng kết năm 2026", document.QuerySelector("figure > figcaption")?.TextContent);
        Assert.DoesNotContain("&nbsp;", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("ql-", stored, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Esc_closes_a_dialog_and_the_next_keys_go_where_the_caret_was()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = CollectErrors(page);
        await OpenEditorAsync(page);
        await page.Locator(".ql-editor").ClickAsync();
        await page.Keyboard.TypeAsync("Mở đầu");

        await ToolbarButtonAsync(page, "ql-table-insert");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("dialog[open]").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.TypeAsync(" và tiếp theo");

        Assert.Equal(0, await page.Locator("dialog").CountAsync());
        Assert.True(await EditorHasFocusAsync(page), "Esc did not give the focus back to the writing area.");
        Assert.Equal("Mở đầu và tiếp theo", (await page.Locator(".ql-editor").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator(".ql-editor table").CountAsync());
        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task A_paste_from_word_keeps_structure_and_drops_what_word_adds()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = CollectErrors(page);
        await OpenEditorAsync(page);
        var word = await File.ReadAllTextAsync(Path.Combine(SenSite.RepositoryRoot, "tests", "Sen.Tests", "Fixtures", "Editor", "word-paste.html"), Ct);

        await page.Locator(".ql-editor").FocusAsync();
        await page.EvaluateAsync(
            """
            (html) => {
              const data = new DataTransfer();
              data.setData('text/html', html);
              data.setData('text/plain', 'Báo cáo sơ kết');
              document.querySelector('.ql-editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            word);
        await page.WaitForFunctionAsync("() => document.getElementById('BodyHtml').value.includes('Kết quả chính')");
        var html = await page.EvaluateAsync<string>("() => document.getElementById('BodyHtml').value");
        var document = new HtmlParser().ParseDocument("<body>" + html);

        Assert.Equal(["Báo cáo sơ kết", "Kết quả chính"], document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()));
        Assert.Equal("6 tháng đầu năm", document.QuerySelector("strong")?.TextContent);
        Assert.Equal("Đảng bộ", document.QuerySelector("em")?.TextContent);
        Assert.Equal("https://example.vn/nghi-quyet", document.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("hoàn thành", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kết nạp 125 đảng viên", document.QuerySelector("ul li, ol li")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu", document.QuerySelector("table")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("h1, span, font, img, style, [style], [class]"));
        foreach (var leftover in new[] { "mso", "o:p", "Mso", "Times New Roman", "<!--", "file:" })
        {
            Assert.DoesNotContain(leftover, html, StringComparison.Ordinal);
        }

        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task The_cover_image_is_uploaded_then_picked_from_the_library_by_keyboard_and_saved()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = CollectErrors(page);
        await OpenEditorAsync(page);
        await page.Locator("#Title").FillAsync("Bài có ảnh bìa chọn từ thư viện");
        await page.Locator("#CategoryId").SelectOptionAsync(new SelectOptionValue { Index = 1 });

        // Upload: the button after the address field opens the same dialog as images in the text.
        await page.Locator("#CoverImageUrl").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Chọn hoặc tải ảnh bìa…", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog[open]");
        Assert.Equal("Ảnh bìa", await dialog.Locator("h2").TextContentAsync());
        await dialog.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "anh-bia.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await TabToAsync(page, "() => document.activeElement.labels && document.activeElement.labels[0] && document.activeElement.labels[0].textContent === 'Mô tả ảnh (bắt buộc)'");
        await page.Keyboard.TypeAsync("Ảnh bìa tải lên");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Chú thích ảnh bìa");
        await TabToAsync(page, "() => document.activeElement.textContent === 'Dùng làm ảnh bìa'");
        await page.Keyboard.PressAsync("Enter");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("CoverImageUrl", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var uploaded = await page.Locator("#CoverImageUrl").InputValueAsync();
        Assert.StartsWith("/media/", uploaded, StringComparison.Ordinal);
        Assert.Equal("Chú thích ảnh bìa", await page.Locator("#CoverCaption").InputValueAsync());

        // Pick: the library lists the upload; choosing it by keyboard fills the field again.
        await page.Locator("#CoverImageUrl").FillAsync("");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await dialog.Locator(".rich-editor-library-items input[type=radio]").First.WaitForAsync();
        await TabToAsync(page, "() => document.activeElement.type === 'radio'");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "() => document.activeElement.textContent === 'Dùng làm ảnh bìa'");
        await page.Keyboard.PressAsync("Enter");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var picked = await page.Locator("#CoverImageUrl").InputValueAsync();
        Assert.StartsWith("/media/", picked, StringComparison.Ordinal);

        await page.Locator("form.article-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, "^/admin/bai-viet/[0-9]+$"));
        Assert.Equal(picked, await page.Locator("#CoverImageUrl").InputValueAsync());
        Assert.True(errors.Count == 0, "Browser errors:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task The_edit_page_with_the_editor_and_its_image_dialog_has_no_wcag21_aa_violations(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await OpenEditorAsync(page);
        await AssertNoViolationsAsync(page, "editor");

        await page.Locator(".rich-editor-toolbar .ql-image").ClickAsync();
        await page.Locator("dialog[open]").WaitForAsync();
        // The library has loaded when it shows images or says why it shows none ("Đang tải…" does not count).
        await page.WaitForFunctionAsync(
            "loading => { const d = document.querySelector('dialog[open]'); const status = d && d.querySelector('.field-hint[role=status]');"
            + " return !!d && (d.querySelector('.rich-editor-library-items > *') !== null || (!!status && status.textContent.trim() !== '' && status.textContent !== loading)); }",
            "Đang tải…");
        await AssertNoViolationsAsync(page, "image dialog");
    }

    private async Task OpenEditorAsync(IPage page)
    {
        await account.SignInAsync(page, Ct);
        var response = await page.GotoAsync(NewArticle);
        Assert.Equal(200, response!.Status);
        await page.Locator(".rich-editor.is-ready").WaitForAsync();
    }

    private async Task<string> StoredBodyAsync(string editUrl)
    {
        var client = await account.SignedInAsync(Ct);
        var html = await client.GetStringAsync(new Uri(new Uri(editUrl).PathAndQuery, UriKind.Relative), Ct);
        var document = await new HtmlParser().ParseDocumentAsync(html, Ct);
        return document.QuerySelector("textarea#BodyHtml")!.TextContent;
    }

    private static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        var failures = result.Violations
            .SelectMany(violation => violation.Nodes.Select(node => $"{what}: [{violation.Id}] {violation.Help} at {node.Target} {node.Html}"))
            .ToList();
        Assert.True(failures.Count == 0, "axe-core violations:\n" + string.Join("\n", failures));
    }

    private static Task<bool> EditorHasFocusAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement.classList.contains('ql-editor')");

    // From the writing area, Shift+Tab walks back through the toolbar to the button; the caller presses it.
    private static async Task ToolbarButtonAsync(IPage page, string selector)
    {
        await TabToAsync(page, $"() => document.activeElement.matches('.rich-editor-toolbar .{selector}')", "Shift+Tab");
    }

    private static async Task TabToAsync(IPage page, string isThere, string key = "Tab")
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<bool>(isThere))
            {
                return;
            }
        }

        Assert.Fail($"{key} never reached {isThere}");
    }

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static byte[] Jpeg()
    {
        using var image = new Image<Rgb24>(640, 360, new Rgb24(176, 23, 31));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
