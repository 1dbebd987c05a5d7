using System.IO.Compression;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Sen.IntegrationTests.Seo;

/// <summary>Feeds, sitemaps and robots.txt go out compressed when the reader asks, from the cache (one copy per encoding).</summary>
public abstract partial class SeoTests<TFactory>
{
    private static readonly string[] MachineReadable =
    [
        "/rss.xml", "/rss/cong-tac-dan-van.xml", "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-articles-1.xml", "/sitemap-news.xml", "/robots.txt",
    ];

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Feeds_and_sitemaps_are_compressed_when_asked_and_served_from_the_cache(string encoding)
    {
        var client = Client();
        foreach (var path in MachineReadable)
        {
            var (first, firstText) = await GetEncodedAsync(client, path, encoding);
            Assert.True(first.StatusCode == HttpStatusCode.OK, $"{path}: {(int)first.StatusCode}");
            Assert.True(first.Content.Headers.ContentEncoding.SequenceEqual([encoding]), $"{path} came {string.Join(",", first.Content.Headers.ContentEncoding)}, not {encoding}");
            Assert.Contains("Accept-Encoding", first.Headers.Vary);
            if (path.EndsWith(".xml", StringComparison.Ordinal))
            {
                using var reader = XmlReader.Create(new StringReader(firstText));
                while (reader.Read())
                {
                    // Well-formed to the end: the compressed stream is whole.
                }
            }

            var (second, secondText) = await GetEncodedAsync(client, path, encoding);
            Assert.True(second.Headers.Age is not null, $"{path} ({encoding}) was rendered again instead of coming from the cache");
            Assert.Equal(firstText, secondText);

            // A reader that does not ask for compression gets the plain text, a copy of its own.
            using var plain = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(firstText, await plain.Content.ReadAsStringAsync(Ct));
        }

        // Publishing evicts the compressed copies too.
        var title = $"Bài nén {encoding} cho nguồn tin";
        await AddPublishedAsync(title, TimeSpan.FromMinutes(1));
        var (_, feed) = await GetEncodedAsync(client, "/rss.xml", encoding);
        Assert.Contains(SyndicationFeed.Load(XmlReader.Create(new StringReader(feed))).Items, i => i.Title.Text == title);
        Assert.Contains(title, (await GetEncodedAsync(client, "/sitemap-news.xml", encoding)).Text, StringComparison.Ordinal);
    }

    private static async Task<(HttpResponseMessage Response, string Text)> GetEncodedAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStreamAsync(Ct);
        await using Stream decoded = response.Content.Headers.ContentEncoding.LastOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var text = new StreamReader(decoded, Encoding.UTF8);
        return (response, await text.ReadToEndAsync(Ct));
    }
}
