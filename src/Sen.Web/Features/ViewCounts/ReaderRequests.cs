using System.Buffers;
using System.Text.RegularExpressions;

namespace Sen.Web.Features.ViewCounts;

/// <summary>Which requests are a reader viewing a page, and so count as a view.</summary>
public static partial class ReaderRequests
{
    private const int MaxUserAgentLength = 1024;

    private static readonly SearchValues<string> KnownCrawlers = SearchValues.Create(LoadCrawlers(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A GET that is neither a prefetch nor a crawler's.</summary>
    public static bool IsView(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) && !IsPrefetch(request.Headers) && !IsCrawler(request.Headers.UserAgent.ToString());
    }

    /// <summary>
    /// Speculative loads the reader may never look at: Sec-Purpose (Chromium, Firefox; prerenders say
    /// "prefetch;prerender"), the older Purpose and X-Moz, and Safari's X-Purpose: preview.
    /// </summary>
    public static bool IsPrefetch(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Contains(headers["Sec-Purpose"], "prefetch")
            || Contains(headers["Purpose"], "prefetch")
            || Contains(headers["X-Moz"], "prefetch")
            || Contains(headers["X-Purpose"], "preview");
    }

    /// <summary>
    /// A known crawler (crawlers.txt) or one that describes itself the way crawlers do: a name ending in
    /// bot/crawler/spider followed by a version ("Googlebot/2.1", "coccocbot-web/1.0"), or a "+http"
    /// link to its documentation. An empty User-Agent is not a crawler: wrk and some proxies send none.
    /// </summary>
    public static bool IsCrawler(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return false;
        }

        // Real User-Agents are a few hundred characters; the cap bounds the work an odd header can cause.
        var head = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent;
        return head.AsSpan().ContainsAny(KnownCrawlers) || CrawlerShape().IsMatch(head);
    }

    private static bool Contains(Microsoft.Extensions.Primitives.StringValues values, string token)
    {
        foreach (var value in values)
        {
            if (value is not null && value.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] LoadCrawlers()
    {
        using var stream = typeof(ReaderRequests).Assembly.GetManifestResourceStream("Sen.ViewCounts.crawlers.txt")
            ?? throw new InvalidOperationException("The crawler list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray();
    }

    // "[\w-]*" lets "coccocbot-web/1.0" through but not a phone model such as "CUBOT_X30)" (no version slash).
    [GeneratedRegex(@"(?:bot|crawler|spider)[\w-]*/\d|\+https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex CrawlerShape();
}
