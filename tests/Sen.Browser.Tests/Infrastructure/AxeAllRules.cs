using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core with every rule it has: WCAG 2.0, 2.1 and 2.2 A/AA, the best practices (landmarks, region, heading order,
/// one h1, ...), the AAA rules and the experimental ones, asked for by id (axe.getRules()) so a rule that is off by
/// default or tagged experimental runs too, and a rule added by a newer axe runs without anyone listing it.
/// Experimental rules run because they are cheap and, on these pages, precise: they judge things the pages do on
/// purpose (real table headers, headings that are headings, no orientation lock); "needs review" results
/// (hidden-content, identical-links-same-purpose) are reported by axe as incomplete, never as violations.
/// </summary>
public static class AxeAllRules
{
    /// <summary>
    /// Rules left out, each with why it does not apply. A rule may only be added here with such a reason.
    /// </summary>
    private static readonly Dictionary<string, string> LeftOut = new(StringComparer.Ordinal)
    {
    };

    private static IReadOnlyList<string>? allRules;

    /// <summary>The violations of every rule on the page as it is now, one line per element.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rules = await RulesAsync(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = [.. rules] } });
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {result.Passes.Length} rules pass, {result.Violations.Length} violated, {result.Incomplete.Length} need review, of {rules.Count} run");
        return [.. result.Violations.SelectMany(violation => violation.Nodes.Select(node => $"{name}: [{violation.Id}] {violation.Help} at {node.Target} {node.Html}"))];
    }

    /// <summary>Fails with every violation listed.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string name)
    {
        var failures = await ViolationsAsync(page, name);
        Assert.True(failures.Count == 0, "axe-core violations:\n" + string.Join("\n", failures));
    }

    private static async Task<IReadOnlyList<string>> RulesAsync(IPage page)
    {
        if (allRules is null)
        {
            // The first run injects axe into the page; its list of rules is then read from axe itself.
            await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["document-title"] } });
            var ids = await page.EvaluateAsync<string[]>("() => axe.getRules().map(rule => rule.ruleId)");
            Assert.True(ids.Length > 90, $"axe reports only {ids.Length} rules");
            allRules = [.. ids.Where(id => !LeftOut.ContainsKey(id)).Order(StringComparer.Ordinal)];
        }

        return allRules;
    }
}
