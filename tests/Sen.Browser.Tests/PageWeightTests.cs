using System.Globalization;

namespace Sen.Browser.Tests;

/// <summary>An article's first load costs at most 100 KB on the wire for its HTML, CSS, JavaScript and fonts.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PageWeightTests(SenSite site)
{
    private const long Budget = 100 * 1024;
    private static readonly HashSet<string> Counted = ["document", "stylesheet", "script", "font"];

    [Fact]
    public async Task Article_first_load_transfers_at_most_100_KB_of_html_css_js_and_fonts()
    {
        // A fresh context has an empty cache, so this is a first visit; Chromium sends its own Accept-Encoding.
        await using var context = await site.NewContextAsync(Viewports.Phone);
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync(PublicPage.SeedArticlePath, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var lines = new List<string>();
        long total = 0;
        long images = 0;
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            var type = response.Request.ResourceType;
            var encoding = await response.HeaderValueAsync("content-encoding") ?? "identity";
            var path = new Uri(response.Url).PathAndQuery;
            if (!Counted.Contains(type))
            {
                images += sizes.ResponseBodySize;
                continue;
            }

            Assert.Equal(200, response.Status);
            Assert.True(sizes.ResponseBodySize > 0, $"{path} came back empty");

            // Stylesheets and scripts are precompressed at publish; a plain transfer means those files went missing.
            // The HTML is counted as sent: compressing it is left to the front proxy (or a later response-compression step).
            Assert.True(type is not ("stylesheet" or "script") || encoding is "br" or "gzip", $"{path} was sent uncompressed ({sizes.ResponseBodySize} bytes)");
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {type,-10} {sizes.ResponseBodySize,7:N0} B body + {sizes.ResponseHeadersSize,5:N0} B headers  {encoding,-8} {path}"));
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Article first load: {total:N0} B ({total / 1024.0:F1} KB) of HTML, CSS, JS and fonts on the wire, headers included; images {images:N0} B, not counted."));
        foreach (var line in lines)
        {
            output?.WriteLine(line);
        }

        Assert.Contains(responses, r => r.Request.ResourceType == "stylesheet");
        Assert.Contains(responses, r => r.Request.ResourceType == "script");
        Assert.True(total <= Budget, string.Create(CultureInfo.InvariantCulture, $"The article page weighs {total:N0} B, over the {Budget:N0} B budget."));
    }
}
