using System.Globalization;

namespace Sen.Browser.Tests;

/// <summary>
/// The print stylesheet (the article or document alone: no menus, search, sidebar, breadcrumbs or tools) and the
/// text-size buttons (A-, A, A+: real buttons, reached with Tab, pressed with Enter and Space, scaling the article text).
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ArticleToolsTests(SenSite site)
{
    private static readonly string[] HiddenInPrint = [".main-nav", ".search-form", "aside.sidebar", ".breadcrumb", ".article-tools", ".site-footer address"];

    [Theory]
    [InlineData("article", ".article-body")]
    [InlineData("document", "article.document")]
    public async Task Printing_leaves_out_navigation_and_sidebar_and_keeps_the_text(string pageName, string text)
    {
        await using var context = await site.NewContextAsync(Viewports.Desktop);
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(PublicPage.Named(pageName).Path))!.Status);
        Assert.True(await page.Locator(".main-nav").IsVisibleAsync());
        Assert.True(await page.Locator("aside.sidebar").IsVisibleAsync());

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var selector in HiddenInPrint)
        {
            var matches = page.Locator(selector);
            for (var i = 0; i < await matches.CountAsync(); i++)
            {
                Assert.False(await matches.Nth(i).IsVisibleAsync(), $"{selector} is printed on the {pageName} page");
            }
        }

        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.True(await page.Locator(text).IsVisibleAsync());
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("main h1").EvaluateAsync<string>("e => getComputedStyle(e).color"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.True(await page.Locator("aside.sidebar").IsVisibleAsync());
    }

    [Fact]
    public async Task Text_size_buttons_are_reached_with_tab_pressed_with_the_keyboard_and_scale_the_article()
    {
        await using var context = await site.NewContextAsync(Viewports.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PublicPage.SeedArticlePath);
        var group = page.Locator("[data-text-size-group]");
        await group.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var normal = await FontSizeAsync(page);

        // A- is focused; A (reset) is disabled at the normal size, so Tab goes straight on to A+.
        await page.Locator("[data-text-size-step='-1']").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("1", await FocusedStepAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-text-size') === '1'");
        var larger = await FontSizeAsync(page);
        Assert.True(larger > normal, $"A+ left the text at {larger}px (was {normal}px)");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-text-size') === '2'");
        Assert.True(await FontSizeAsync(page) > larger);

        // Remembered on this device: the next article opens at the chosen size.
        await page.ReloadAsync();
        await group.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("2", await page.EvaluateAsync<string?>("() => document.documentElement.getAttribute('data-text-size')"));

        // Back with Shift+Tab to A, now enabled: the normal size again.
        await page.Locator("[data-text-size-step='1']").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("0", await FocusedStepAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !document.documentElement.hasAttribute('data-text-size')");
        Assert.Equal(normal, await FontSizeAsync(page));
    }

    private static async Task<double> FontSizeAsync(IPage page) => double.Parse(
        (await page.Locator(".article-body").EvaluateAsync<string>("e => getComputedStyle(e).fontSize")).Replace("px", "", StringComparison.Ordinal),
        CultureInfo.InvariantCulture);

    private static Task<string?> FocusedStepAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.getAttribute('data-text-size-step')");
}
