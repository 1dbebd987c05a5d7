namespace Sen.Browser.Tests;

/// <summary>Screenshots of each public page type at phone and desktop size (whole page and first screen), for people to look at.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ScreenshotTests(SenSite site)
{
    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Every_public_page_type_is_photographed_and_fits_the_screen_width(string viewport)
    {
        Directory.CreateDirectory(SenSite.ScreenshotsPath);
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        var overflowing = new List<string>();
        foreach (var publicPage in await site.PublicPagesAsync())
        {
            await page.GotoAsync(publicPage.Path);
            var path = Path.Combine(SenSite.ScreenshotsPath, $"{publicPage.Name}-{viewport}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000, path);

            // What the reader sees before scrolling.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SenSite.ScreenshotsPath, $"{publicPage.Name}-{viewport}-first-screen.png") });

            // Nothing may push the page sideways: a reader on a phone scrolls down only.
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                overflowing.Add($"{publicPage.Name}: {widths[0]}px wide in a {widths[1]}px window");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots in {SenSite.ScreenshotsPath}");
        Assert.True(overflowing.Count == 0, string.Join("\n", overflowing));
    }
}
