using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sen.Browser.Tests;

/// <summary>
/// A crawl of the whole demo site from /: every same-origin link and asset answers below 400, and no page hangs.
/// Speed itself is measured by bench/ (BENCHMARKS.md), not here: this suite shares two cores with the integration
/// suite in CI, so the bound only catches a page that runs away (a query scanning a table, a lock), not a slow one.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class LinkCrawlTests(SenSite site)
{
    private const int MaxUrls = 3000;
    private static readonly TimeSpan HungPage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Every_same_origin_link_and_asset_works_and_no_page_hangs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;

        // Warm up: the first request of each page type pays for JIT and view compilation, which readers never see twice.
        foreach (var page in PublicPage.All)
        {
            for (var i = 0; i < 2; i++)
            {
                using var warmUp = await site.Http.GetAsync(new Uri(page.Path, UriKind.Relative), cancellationToken);
            }
        }

        var origin = site.BaseAddress;
        var queue = new Queue<(Uri Url, Uri From)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Enqueue(string reference, Uri from)
        {
            if (reference.StartsWith('#') || !Uri.TryCreate(from, reference, out var url))
            {
                return;
            }

            if (url.Scheme != origin.Scheme || url.Authority != origin.Authority)
            {
                return;
            }

            url = new UriBuilder(url) { Fragment = "" }.Uri;
            if (seen.Add(url.PathAndQuery) && seen.Count <= MaxUrls)
            {
                queue.Enqueue((url, from));
            }
        }

        Enqueue("/", origin);

        // Forms are not followed, so the search page is a second starting point.
        Enqueue(PublicPage.SearchPath, origin);

        var broken = new List<string>();
        var slow = new List<string>();
        var pages = 0;
        var assets = 0;
        var slowest = (Time: TimeSpan.Zero, Url: "");
        while (queue.TryDequeue(out var item))
        {
            var clock = Stopwatch.StartNew();
            using var response = await site.Http.GetAsync(item.Url, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            clock.Stop();
            var status = (int)response.StatusCode;
            if (status >= 400)
            {
                broken.Add($"{status} {item.Url.PathAndQuery} (linked from {item.From.PathAndQuery})");
                continue;
            }

            if (response.Headers.Location is { } location)
            {
                Enqueue(location.OriginalString, item.Url);
                continue;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType == "text/html")
            {
                pages++;
                if (clock.Elapsed > slowest.Time)
                {
                    slowest = (clock.Elapsed, item.Url.PathAndQuery);
                }

                if (clock.Elapsed > HungPage)
                {
                    slow.Add($"{clock.Elapsed.TotalMilliseconds:F0} ms {item.Url.PathAndQuery}");
                }

                foreach (var reference in AngleSharpHtml.References(body))
                {
                    Enqueue(reference, item.Url);
                }
            }
            else
            {
                assets++;
                if (mediaType == "text/css")
                {
                    foreach (Match match in CssUrl().Matches(body))
                    {
                        Enqueue(match.Groups["url"].Value, item.Url);
                    }
                }
            }
        }

        output?.WriteLine($"Crawled {pages} pages and {assets} assets; slowest page {slowest.Time.TotalMilliseconds:F0} ms ({slowest.Url}).");
        Assert.True(seen.Count <= MaxUrls, $"The crawl found more than {MaxUrls} URLs: a link generator runs away.");
        Assert.True(pages >= 40, $"Only {pages} pages were reached from /; the menus or lists lost their links.");
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
        Assert.True(slow.Count == 0, $"Pages slower than {HungPage.TotalSeconds} s:\n" + string.Join("\n", slow));
    }

    [GeneratedRegex("""url\(\s*['"]?(?<url>[^'")\s]+)['"]?\s*\)""")]
    private static partial Regex CssUrl();
}
