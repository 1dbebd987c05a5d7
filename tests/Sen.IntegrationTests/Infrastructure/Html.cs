using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sen.IntegrationTests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static string Text(this IElement? element) =>
        Normalize(element?.TextContent ?? "");

    /// <summary>Collapses whitespace (NBSP included) the way a reader sees it.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u00a0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
