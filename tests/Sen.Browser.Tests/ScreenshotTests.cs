namespace Sen.Browser.Tests;

/// <summary>Screenshots of each public page type at phone and desktop size (whole page and first screen), for people to look at.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ScreenshotTests(SenSite site)
{
    [Theory]
    [MemberData(nameof(PublicPage.NamesAtEachViewport), MemberType = typeof(PublicPage))]
    public async Task Public_page_type_is_photographed_and_fits_the_screen_width(string pageName, string viewport)
    {
        var publicPage = PublicPage.Named(pageName);
        Directory.CreateDirectory(SenSite.ScreenshotsPath);
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(publicPage.Path);
        Assert.Equal((int)publicPage.Status, response!.Status);
        var path = Path.Combine(SenSite.ScreenshotsPath, $"{publicPage.Name}-{viewport}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, path);

        // What the reader sees before scrolling.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SenSite.ScreenshotsPath, $"{publicPage.Name}-{viewport}-first-screen.png") });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots in {SenSite.ScreenshotsPath}");

        // Nothing may push the page sideways: a reader on a phone scrolls down only.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{publicPage.Name}: {widths[0]}px wide in a {widths[1]}px window");
    }
}
