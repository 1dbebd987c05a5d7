namespace Sen.Browser.Tests;

/// <summary>What a reader does with a mouse or a finger, on a phone and on a desktop screen.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ReaderJourneyTests(SenSite site)
{
    private const string CategoryPath = "/cong-tac-dan-van";

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Reader_goes_home_then_category_then_article_and_back(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));

        await page.Locator(".main-nav").GetByRole(AriaRole.Link, new() { Name = "Công tác Dân vận", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url(CategoryPath));
        Assert.Equal("Công tác Dân vận", await page.Locator("main h1").InnerTextAsync());

        await page.Locator($".article-list a[href='{PublicPage.SeedArticlePath}']").ClickAsync();
        await page.WaitForURLAsync(Url(PublicPage.SeedArticlePath));
        Assert.StartsWith("Quế Sơn: Hội nghị tổng kết", await page.Locator("main h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(7, await page.Locator(".article-body ol > li").CountAsync());

        // "[Trở về]" goes back in history when the reader came from the site ...
        await page.Locator(".back a").ClickAsync();
        await page.WaitForURLAsync(Url(CategoryPath));
        Assert.Equal("Công tác Dân vận", await page.Locator("main h1").InnerTextAsync());

        // ... and is a plain link to the category when the article was opened directly.
        var direct = await context.NewPageAsync();
        await direct.GotoAsync(PublicPage.SeedArticlePath);
        await direct.Locator(".back a").ClickAsync();
        await direct.WaitForURLAsync(Url(CategoryPath));
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Website_links_become_a_select_that_takes_the_reader_to_the_chosen_site(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var links = page.Locator(".website-links");
        Assert.Equal(0, await links.Locator("ul").CountAsync());
        var select = links.GetByRole(AriaRole.Combobox, new() { Name = "Chọn website liên kết" });
        var options = await select.Locator("option").AllInnerTextsAsync();
        Assert.Contains("Cổng Thông tin điện tử Chính phủ", options);
        Assert.Equal(6, options.Count);

        // Choosing nothing goes nowhere.
        await links.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Equal(Url("/"), page.Url);

        await select.SelectOptionAsync(new SelectOptionValue { Label = "Cổng Thông tin điện tử Chính phủ" });
        await links.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync("https://chinhphu.vn/");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Search_from_the_header_asks_tim_kiem_for_the_words(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PublicPage.SeedArticlePath);

        var box = page.Locator("#header-q");
        await box.FillAsync("dân vận");
        var response = await page.RunAndWaitForResponseAsync(() => box.PressAsync("Enter"), r => r.Request.IsNavigationRequest && r.Url.Contains("/tim-kiem", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();

        var url = new Uri(page.Url);
        Assert.Equal("/tim-kiem", url.AbsolutePath);
        Assert.Equal("dân vận", Uri.UnescapeDataString(url.Query.Replace('+', ' ')).Replace("?q=", "", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        Assert.Contains("dân vận", await page.Locator("main").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await page.Locator("main a[href$='.html']").CountAsync() > 0, "The search page lists no article for «dân vận».");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Header_search_suggests_as_you_type_and_the_keyboard_picks_a_suggestion(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var box = page.Locator("header").GetByRole(AriaRole.Combobox, new() { Name = "Tìm kiếm" });

        // Suggestions for "que s" may arrive while typing; keys go to the list only once the
        // answer for the whole "que so" is in, so a late re-render cannot move the active option.
        Task TypeAsync() => page.RunAndWaitForResponseAsync(
            () => box.PressSequentiallyAsync("que so", new() { Delay = 30 }),
            r => r.Url.Contains("/api/v1/search/suggest?q=que%20so", StringComparison.Ordinal));
        await TypeAsync();
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Quế Sơn: Hội nghị tổng kết" }).First;
        await option.WaitForAsync();
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));

        var optionId = await option.GetAttributeAsync("id");
        for (var i = 0; i < 10 && await box.GetAttributeAsync("aria-activedescendant") != optionId; i++)
        {
            await box.PressAsync("ArrowDown");
        }

        Assert.Equal(optionId, await box.GetAttributeAsync("aria-activedescendant"));

        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(site.BaseAddress, PublicPage.SeedArticlePath).ToString());

        await page.GotoAsync("/");
        await TypeAsync();
        await option.WaitForAsync();
        await box.PressAsync("Escape");
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Category_pages_are_reached_through_the_pager(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tin-tuc-su-kien");
        var firstPage = await page.Locator(".article-list h2 a").AllInnerTextsAsync();
        Assert.Equal(20, firstPage.Count);

        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Phân trang" });
        await pager.Locator("a[rel=next]").ClickAsync();
        await page.WaitForURLAsync(Url("/tin-tuc-su-kien?trang=2"));
        Assert.Equal("2", (await pager.Locator("[aria-current=page]").InnerTextAsync()).Trim().Split(' ')[^1]);
        var secondPage = await page.Locator(".article-list h2 a").AllInnerTextsAsync();
        Assert.NotEmpty(secondPage);
        Assert.Empty(firstPage.Intersect(secondPage));

        await pager.Locator("a[rel=prev]").ClickAsync();
        await page.WaitForURLAsync(Url("/tin-tuc-su-kien"));
    }

    [Fact]
    public async Task Reader_browses_a_congress_terms_documents_from_the_side_menu_and_downloads_the_conclusion()
    {
        await using var context = await site.NewContextAsync(Viewports.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var term = page.Locator(".side-menu a[href='/khoa-x']");
        Assert.Equal("Khóa X", (await term.TextContentAsync())?.Trim());
        await term.ClickAsync();
        await page.WaitForURLAsync(Url("/khoa-x"));

        await page.Locator(".term-documents a").ClickAsync();
        await page.WaitForURLAsync(Url("/van-ban?khoa=x"));
        Assert.Equal("Văn bản Khóa X", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal("x", await page.Locator("#doc-term").InputValueAsync());

        await page.Locator(".document-table").GetByRole(AriaRole.Link, new() { Name = "62-KL/TW", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url("/van-ban/ket-luan-62-kl-tw"));
        Assert.Equal("Kết luận số 62-KL/TW", await page.Locator("main h1").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".document-files a").First.ClickAsync());
        Assert.Equal("Kết luận số 62-KL-TW.pdf", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private string Url(string path) => new Uri(site.BaseAddress, path).ToString();
}
