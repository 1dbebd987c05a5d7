namespace Sen.Browser.Tests;

/// <summary>
/// A reader following an old portal's link to an imported article lands on Sen's page (301), and sees what the old
/// page had: its title, date, views, author, and its photo with the caption, the photo served from Sen's media.
/// The page itself is also in <see cref="PublicPage.All"/>, so axe, the Nu checker and Lighthouse check it.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ImportedPageTests(SenSite site)
{
    [Fact]
    public async Task An_old_portal_link_leads_to_the_imported_article_with_its_photo_and_caption()
    {
        await using var context = await site.NewContextAsync(Viewports.Phone);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(PublicPage.ImportedArticleOldPath);

        Assert.Equal(200, response!.Status);
        Assert.Equal(301, (await response.Request.RedirectedFrom!.ResponseAsync())!.Status);
        Assert.EndsWith(PublicPage.ImportedArticlePath, page.Url, StringComparison.Ordinal);
        Assert.Equal("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", await page.Locator("main h1").InnerTextAsync());
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("11:05 | 03/10/2019", main, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", main, StringComparison.Ordinal);
        Assert.Equal("Quang cảnh hội nghị.", await page.Locator(".article-body figure figcaption").InnerTextAsync());
        var photo = page.Locator(".article-body figure img");
        Assert.StartsWith("/media/", await photo.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the imported photo did not load");
    }
}
