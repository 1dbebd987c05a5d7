using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Sen.Browser.Tests;

/// <summary>axe-core (shipped inside Deque.AxeCore.Commons, nothing fetched) finds no WCAG 2.1 A/AA violation on any public page type.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AccessibilityTests(SenSite site)
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Theory]
    [MemberData(nameof(PublicPage.NamesAtEachViewport), MemberType = typeof(PublicPage))]
    public async Task Public_page_type_has_no_wcag21_aa_violations(string pageName, string viewport)
    {
        var publicPage = PublicPage.Named(pageName);
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(publicPage.Path);
        Assert.Equal((int)publicPage.Status, response!.Status);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        TestContext.Current.TestOutputHelper?.WriteLine($"{publicPage.Name} ({viewport}): {result.Passes.Length} rules pass, {result.Violations.Length} violated, {result.Incomplete.Length} need review");
        var failures = result.Violations
            .SelectMany(violation => violation.Nodes.Select(node => $"{publicPage.Path}: [{violation.Id}] {violation.Help} at {node.Target} {node.Html}"))
            .ToList();
        Assert.True(failures.Count == 0, "axe-core violations:\n" + string.Join("\n", failures));
    }
}
