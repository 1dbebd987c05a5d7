using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Sites;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Caching;

namespace Sen.IntegrationTests.Caching;

/// <summary>
/// Public pages already rendered are served from their ready copy in the cache store, at the front of
/// the pipeline (ReadyPageFastPath), exactly as the full pipeline would serve them.
/// </summary>
public abstract partial class PublicCacheTests<TFactory>
{
    private IOutputCacheStore Store => App.Services.GetRequiredService<IOutputCacheStore>();

    private ILivePages LivePages => App.Services.GetRequiredService<ILivePages>();

    // Keys name the site the app serves, never the request's host.
    private static string ReadyKey(string url) => ReadyPageKeys.ForLivePage(SiteContext.DefaultKey, "", url);

    private static string AsSentKey(string url, string? page) => ReadyPageKeys.AsSent(SiteContext.DefaultKey, "", url, page, encoding: null);

    [Fact]
    public async Task A_rendered_article_page_is_kept_ready_and_readers_are_served_from_it_until_it_is_evicted()
    {
        Require();
        var article = await factory.PickAsync(1);
        var client = App.CreateClient();
        Assert.Null(await Store.GetAsync(ReadyKey(article.Url), Ct));

        var first = TestArticles.ShownViews(await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct));
        var bytes = await Store.GetAsync(ReadyKey(article.Url), Ct);
        Assert.NotNull(bytes);
        Assert.True(ReadyPage.TryRead(bytes, LivePages, out var ready));
        Assert.Equal(article.Id, Assert.IsType<LiveCount>(ready.LiveRegion).ArticleId);

        // Changed in the store only: what readers get now can only have come from the ready copy.
        var marked = Encoding.UTF8.GetString(ready.Body.Span).Replace("</h1>", " (bản sẵn)</h1>", StringComparison.Ordinal);
        await Store.SetAsync(
            ReadyKey(article.Url),
            ReadyPage.ToBytes(ready.Headers, Encoding.UTF8.GetBytes(marked), live: true),
            [PublicCache.Tags.Article(article.Id)],
            TimeSpan.FromMinutes(1),
            Ct);
        var served = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Equal(article.Title + " (bản sẵn)", Html.Parse(served).QuerySelector("h1").Text());
        Assert.Equal(first + 1, TestArticles.ShownViews(served));

        // Junk query strings share it, as they share the output-cached page.
        var withQuery = await client.GetStringAsync(new Uri(article.Url + "?fbclid=abc", UriKind.Relative), Ct);
        Assert.Equal(article.Title + " (bản sẵn)", Html.Parse(withQuery).QuerySelector("h1").Text());
        Assert.Equal(first + 2, TestArticles.ShownViews(withQuery));

        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Article(article.Id)], Ct);
        var rendered = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Equal(article.Title, Html.Parse(rendered).QuerySelector("h1").Text());
        Assert.Equal(first + 3, TestArticles.ShownViews(rendered));
        Assert.NotNull(await Store.GetAsync(ReadyKey(article.Url), Ct));

        // Pages that are not a rendered article are never kept.
        using var missing = await client.GetAsync(new Uri("/tin-tuc-su-kien/khong-co-bai-nay-987654.html", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(await Store.GetAsync(ReadyKey("/tin-tuc-su-kien/khong-co-bai-nay-987654.html"), Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("gzip, deflate, br, zstd")]
    public async Task The_ready_copy_is_served_with_the_headers_and_bytes_of_the_rendered_page(string? acceptEncoding)
    {
        Require();
        var article = await factory.PickAsync(2);
        var client = App.CreateClient();
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Article(article.Id)], Ct);

        var (renderedHeaders, renderedHtml) = await GetAsync(client, article.Url, acceptEncoding);
        Assert.NotNull(await Store.GetAsync(ReadyKey(article.Url), Ct));
        var (readyHeaders, readyHtml) = await GetAsync(client, article.Url, acceptEncoding);

        Assert.Equal(renderedHeaders, readyHeaders);
        var count = TestArticles.ShownViews(renderedHtml);
        Assert.Equal(count + 1, TestArticles.ShownViews(readyHtml));
        Assert.Equal(
            renderedHtml.Replace($">{Views(count)}<", ">N<", StringComparison.Ordinal),
            readyHtml.Replace($">{Views(count + 1)}<", ">N<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_the_ready_copy_cannot_answer_go_through_the_whole_pipeline()
    {
        Require();
        var article = await factory.PickAsync(3);
        var client = App.CreateClient();
        var first = TestArticles.ShownViews(await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct));
        Assert.NotNull(await Store.GetAsync(ReadyKey(article.Url), Ct));

        // A client that takes only Brotli gets it from the page's Brotli splice (see the test below).
        using var brotli = new HttpRequestMessage(HttpMethod.Get, article.Url);
        brotli.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var brotliResponse = await client.SendAsync(brotli, Ct);
        Assert.Equal(["br"], brotliResponse.Content.Headers.ContentEncoding);
        await using (var body = new BrotliStream(await brotliResponse.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress))
        {
            using var reader = new StreamReader(body);
            Assert.Equal(first + 1, TestArticles.ShownViews(await reader.ReadToEndAsync(Ct)));
        }

        // A request with credentials is rendered for whoever sent them (and the page then is not cached).
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, article.Url);
        signedIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        using var signedInResponse = await client.SendAsync(signedIn, Ct);
        Assert.Equal(HttpStatusCode.OK, signedInResponse.StatusCode);
        Assert.Equal(first + 2, TestArticles.ShownViews(await signedInResponse.Content.ReadAsStringAsync(Ct)));

        // The request guards still apply.
        using var overlong = await client.GetAsync(new Uri(article.Url + "?q=" + new string('a', 3000), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, overlong.StatusCode);

        using var head = new HttpRequestMessage(HttpMethod.Head, article.Url);
        using var headResponse = await client.SendAsync(head, Ct);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);

        // A damaged or foreign entry is ignored, never served.
        await Store.SetAsync(ReadyKey(article.Url), [1, 2, 3, 0xff], [PublicCache.Tags.Article(article.Id)], TimeSpan.FromMinutes(1), Ct);
        var afterDamage = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Equal(article.Title, Html.Parse(afterDamage).QuerySelector("h1").Text());
        Assert.Equal(first + 3, TestArticles.ShownViews(afterDamage));
    }

    [Fact]
    public async Task Home_and_category_pages_are_kept_ready_as_sent_and_served_from_there_until_evicted()
    {
        Require();
        var client = App.CreateClient();
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Home], Ct);
        var homeKey = AsSentKey("/", page: null);

        var rendered = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var bytes = await Store.GetAsync(homeKey, Ct);
        Assert.NotNull(bytes);
        Assert.True(ReadyPage.TryRead(bytes, LivePages, out var ready));
        Assert.Null(ready.LiveRegion);
        Assert.Equal(rendered, Encoding.UTF8.GetString(ready.Body.Span));

        var marked = rendered.Replace("</h1>", " (bản sẵn)</h1>", StringComparison.Ordinal);
        Assert.NotEqual(rendered, marked);
        await Store.SetAsync(homeKey, ReadyPage.ToBytes(ready.Headers, Encoding.UTF8.GetBytes(marked), live: false), [PublicCache.Tags.Home], TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(marked, await client.GetStringAsync(new Uri("/?utm_source=zalo", UriKind.Relative), Ct));

        // Another encoding is another copy, and a revalidation goes to the output cache (which has the real page).
        using (var gzip = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await client.SendAsync(gzip, Ct);
            await using var body = new GZipStream(await response.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
            using var reader = new StreamReader(body);
            Assert.Equal(rendered, await reader.ReadToEndAsync(Ct));
        }

        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Home], Ct);
        Assert.Equal(rendered, await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct));

        // Category pages: one copy per ?trang=; bad page numbers never reach a copy.
        var category = CategoryUrls.Category("tin-tuc-su-kien");
        var first = await client.GetStringAsync(new Uri(category, UriKind.Relative), Ct);
        var firstAgain = await client.GetStringAsync(new Uri(category + "?trang=1", UriKind.Relative), Ct);
        Assert.NotNull(await Store.GetAsync(AsSentKey(category, page: null), Ct));
        Assert.NotNull(await Store.GetAsync(AsSentKey(category, page: "1"), Ct));
        Assert.Equal(first, await client.GetStringAsync(new Uri(category, UriKind.Relative), Ct));
        Assert.Equal(firstAgain, await client.GetStringAsync(new Uri(category + "?trang=1&x=y", UriKind.Relative), Ct));
        foreach (var bad in new[] { "?trang=", "?trang=0", "?trang=abc", "?trang=1&trang=2" })
        {
            using var response = await client.GetAsync(new Uri(category + bad, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("gzip, deflate, br, zstd")]
    public async Task Ready_home_and_category_pages_are_sent_with_the_headers_and_bytes_of_the_rendered_page(string? acceptEncoding)
    {
        Require();
        var client = App.CreateClient();
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Chrome], Ct);
        foreach (var url in new[] { "/", CategoryUrls.Category("tin-tuc-su-kien"), CategoryUrls.Category("tin-tuc-su-kien") + "?trang=1" })
        {
            var (renderedHeaders, renderedBytes) = await GetRawAsync(client, url, acceptEncoding);
            var (readyHeaders, readyBytes) = await GetRawAsync(client, url, acceptEncoding);
            Assert.Equal(renderedHeaders, readyHeaders);
            Assert.Equal(renderedBytes, readyBytes);
        }
    }

    [Fact]
    public async Task A_brotli_only_reader_costs_one_compression_per_page_version_not_one_per_view()
    {
        Require();
        var article = await factory.PickAsync(2);
        var client = App.CreateClient();
        var splices = App.Services.GetRequiredService<BrotliSplices>();

        // A version of the page no other test has served: another test's Brotli views of the same bytes would have
        // left its splice behind, and then (rightly) nothing is compressed here.
        var fresh = await InAppScopeAsync(sp => sp.EditAndPublishAsync(article.Id, article.Title, $"Sa-pô {Guid.NewGuid():N}.", "<p>Nội dung mới.</p>"));
        Assert.Equal(NewsroomOutcome.Done, fresh.Outcome);
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Article(article.Id)], Ct);

        // The first Brotli view renders the page (full pipeline), the next ones come from its ready copy.
        var (_, plain) = await GetAsync(client, article.Url, acceptEncoding: null);
        var count = TestArticles.ShownViews(plain);
        var compressions = splices.Compressions;
        for (var view = 1; view <= 3; view++)
        {
            var (headers, html) = await GetAsync(client, article.Url, "br");
            Assert.Contains("Content-Encoding: br", headers, StringComparison.Ordinal);
            Assert.Contains("Vary: Accept-Encoding", headers, StringComparison.Ordinal);
            Assert.Equal(count + view, TestArticles.ShownViews(html));
            Assert.Equal(
                plain.Replace($">{Views(count)}<", ">N<", StringComparison.Ordinal),
                html.Replace($">{Views(count + view)}<", ">N<", StringComparison.Ordinal));
        }

        Assert.Equal(compressions + 1, splices.Compressions);

        // A new version of the page is compressed once more, and only once. (Five views: the first renders the page,
        // and on PostgreSQL the ready copy can take one more view to be in place.)
        var edited = await InAppScopeAsync(sp => sp.EditAndPublishAsync(article.Id, article.Title + " (sửa)", "Sa-pô sửa.", "<p>Nội dung sửa.</p>"));
        Assert.Equal(NewsroomOutcome.Done, edited.Outcome);
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Article(article.Id)], Ct);
        for (var view = 1; view <= 5; view++)
        {
            var (_, html) = await GetAsync(client, article.Url, "br");
            Assert.Contains("Nội dung sửa.", html, StringComparison.Ordinal);
        }

        Assert.Equal(compressions + 2, splices.Compressions);
    }

    private static string Views(long count) => ViewCountMarker.Format(count);

    private static async Task<(string Headers, byte[] Body)> GetRawAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(response.Content.Headers.ContentLength, bytes.Length);
        return (HeaderLines(response), bytes);
    }

    private static string HeaderLines(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Age" or "Content-Length"))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal));

    private static async Task<(string Headers, string Html)> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        var (headers, bytes) = await GetRawAsync(client, url, acceptEncoding);
        Stream body = new MemoryStream(bytes);
        if (headers.Contains("Content-Encoding: gzip", StringComparison.Ordinal))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }
        else if (headers.Contains("Content-Encoding: br", StringComparison.Ordinal))
        {
            body = new BrotliStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body);
        return (headers, await reader.ReadToEndAsync(Ct));
    }
}

