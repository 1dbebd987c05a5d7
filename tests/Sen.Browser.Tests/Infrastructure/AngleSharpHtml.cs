using AngleSharp.Html.Parser;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>What a page refers to, read with AngleSharp.</summary>
public static class AngleSharpHtml
{
    private static readonly HtmlParser Parser = new();

    public static IEnumerable<string> Stylesheets(string html) =>
        Parser.ParseDocument(html).QuerySelectorAll("link[rel~=stylesheet][href]").Select(l => l.GetAttribute("href")!);

    /// <summary>Every URL the page links to or loads: anchors, link elements, scripts, images, sources.</summary>
    public static IEnumerable<string> References(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("a[href], area[href], link[href]"))
        {
            yield return element.GetAttribute("href")!;
        }

        foreach (var element in document.QuerySelectorAll("script[src], img[src], source[src], iframe[src], video[src], audio[src]"))
        {
            yield return element.GetAttribute("src")!;
        }

        foreach (var element in document.QuerySelectorAll("img[srcset], source[srcset]"))
        {
            foreach (var candidate in element.GetAttribute("srcset")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return candidate.Split(' ', 2)[0];
            }
        }
    }
}
