namespace Sen.Browser.Tests;

/// <summary>axe-core (shipped inside Deque.AxeCore.Commons, nothing fetched), every rule it has (<see cref="AxeAllRules"/>), finds nothing on any public page type.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AccessibilityTests(SenSite site)
{
    [Theory]
    [MemberData(nameof(PublicPage.NamesAtEachViewport), MemberType = typeof(PublicPage))]
    public async Task Public_page_type_has_no_axe_violations(string pageName, string viewport)
    {
        var publicPage = PublicPage.Named(pageName);
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(publicPage.Path);
        Assert.Equal((int)publicPage.Status, response!.Status);
        await AxeAllRules.AssertNoViolationsAsync(page, $"{publicPage.Path} ({viewport})");
    }
}
