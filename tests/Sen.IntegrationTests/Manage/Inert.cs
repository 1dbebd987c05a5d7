using AngleSharp.Dom;

namespace Sen.IntegrationTests.Manage;

/// <summary>Hostile text (OWASP XSS vectors) typed into the newsroom must reach readers as text, never as markup.</summary>
public static class Inert
{
    public static void Assert(string html, string hostile)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(hostile);
        var page = Html.Parse(html);
        var handlers = page.QuerySelectorAll("*").SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"{e.LocalName}[{a.Name}]")).ToList();
        Xunit.Assert.Empty(handlers);
        // JSON-LD is data, not script: it must still parse as JSON whatever was typed (nothing broke out of it).
        Xunit.Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json']), svg, xss, img[src=x]"));
        foreach (var data in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(data.TextContent);
        }

        Xunit.Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        if (hostile.Contains('<', StringComparison.Ordinal))
        {
            Xunit.Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        }

        Xunit.Assert.Contains(hostile, page.Body!.TextContent, StringComparison.Ordinal);
    }

    public static IEnumerable<string> TextsOf(IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent);
}
