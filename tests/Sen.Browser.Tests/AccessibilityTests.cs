using Deque.AxeCore.Playwright;

namespace Sen.Browser.Tests;

/// <summary>
/// axe-core (shipped inside Deque.AxeCore.Commons, nothing fetched) finds no violation of any of its rules (WCAG 2.x
/// A/AA and best practices; only the experimental ones are off, as axe runs by default) on any public page type.
/// </summary>
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
        var result = await page.RunAxe();
        TestContext.Current.TestOutputHelper?.WriteLine($"{publicPage.Name} ({viewport}): {result.Passes.Length} rules pass, {result.Violations.Length} violated, {result.Incomplete.Length} need review");
        var failures = result.Violations
            .SelectMany(violation => violation.Nodes.Select(node => $"{publicPage.Path}: [{violation.Id}] {violation.Help} at {node.Target} {node.Html}"))
            .ToList();
        Assert.True(failures.Count == 0, "axe-core violations:\n" + string.Join("\n", failures));
    }
}
