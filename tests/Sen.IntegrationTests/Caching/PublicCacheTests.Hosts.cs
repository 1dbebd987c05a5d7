using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Caching;

/// <summary>The Host header, which any client sets, neither splits the cache nor gets past AllowedHosts.</summary>
public abstract partial class PublicCacheTests<TFactory>
{
    private static readonly string[] MadeUpHosts = [.. Enumerable.Range(1, 12).Select(i => $"host-{i}.example"), "EXAMPLE.org:8080", "127.0.0.1"];

    [Fact]
    public async Task Made_up_host_names_share_one_cached_page_and_one_ready_copy()
    {
        Require();
        var article = await factory.PickAsync(4);
        var first = ClientFor(App, "first.example");
        await App.Services.GetRequiredService<PublicCache>().EvictAsync([PublicCache.Tags.Home, PublicCache.Tags.Article(article.Id)], Ct);
        Assert.Equal(article.Title, (await first.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());
        using var home = await first.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var etag = home.Headers.ETag;
        Assert.NotNull(etag);

        // Changed in the store only: every host gets the changed copies, so there is one of each.
        string[] tags = [PublicCache.Tags.Chrome, PublicCache.Tags.Home, PublicCache.Tags.Article(article.Id)];
        await MarkReadyCopyAsync(ReadyKey(article.Url), tags);
        await MarkReadyCopyAsync(AsSentKey("/", page: null), tags);
        foreach (var host in MadeUpHosts)
        {
            var client = ClientFor(App, host);
            Assert.EndsWith(" (bản sẵn)", (await client.GetDocumentAsync(article.Url)).QuerySelector("h1").Text(), StringComparison.Ordinal);
            Assert.Contains(" (bản sẵn)</h1>", await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
        }

        // The output cache's own entry is shared too: a reader asking only for a coding Sen does not
        // write (deflate) goes through it, and after a change behind the app's back still gets the page
        // rendered for the first host. A Brotli reader gets the shared ready copy.
        await InAppScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Tiêu đề không được thấy"), Ct));
        foreach (var host in MadeUpHosts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, article.Url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("deflate"));
            using var response = await ClientFor(App, host).SendAsync(request, Ct);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(article.Title, Html.Parse(await response.Content.ReadAsStringAsync(Ct)).QuerySelector("h1").Text());

            using var brotli = new HttpRequestMessage(HttpMethod.Get, article.Url);
            brotli.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var brotliResponse = await ClientFor(App, host).SendAsync(brotli, Ct);
            Assert.Equal(["br"], brotliResponse.Content.Headers.ContentEncoding);
            await using var body = new BrotliStream(await brotliResponse.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
            using var reader = new StreamReader(body);
            Assert.EndsWith(" (bản sẵn)", Html.Parse(await reader.ReadToEndAsync(Ct)).QuerySelector("h1").Text(), StringComparison.Ordinal);
        }

        // And the output cache answers revalidations of the home page sent with other hosts: it has the page.
        foreach (var host in MadeUpHosts)
        {
            using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/");
            revalidation.Headers.IfNoneMatch.Add(etag);
            using var notModified = await ClientFor(App, host).SendAsync(revalidation, Ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        // Other tests of the class must not meet the changed copies.
        await App.Services.GetRequiredService<PublicCache>().EvictAsync(tags, Ct);
    }

    [Fact]
    public async Task Unknown_hosts_are_refused_when_allowed_hosts_are_set_even_for_a_page_already_cached()
    {
        Require();
        var article = await factory.PickAsync(6);
        await using var app = App.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "example.org;*.example.org"));
        var allowed = ClientFor(app, "example.org");
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var views = TestArticles.ShownViews(await allowed.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct));
        Assert.NotNull(await store.GetAsync(ReadyKey(article.Url), Ct));
        Assert.Equal(views + 1, TestArticles.ShownViews(await ClientFor(app, "www.example.org").GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct)));
        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        foreach (var host in new[] { "evil.example", "localhost", "127.0.0.1", "example.org.evil.example", "exampleXorg" })
        {
            var client = ClientFor(app, host);
            foreach (var url in new[] { article.Url, "/" })
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.DoesNotContain(article.Title, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }

        // Refused requests were not views.
        Assert.Equal(views + 2, TestArticles.ShownViews(await allowed.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct)));
    }

    private static HttpClient ClientFor(WebApplicationFactory<Program> app, string host) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/") });

    private async Task MarkReadyCopyAsync(string key, string[] tags)
    {
        var bytes = await Store.GetAsync(key, Ct);
        Assert.NotNull(bytes);
        Assert.True(ReadyPage.TryRead(bytes, LivePages, out var ready));
        var marked = Encoding.UTF8.GetString(ready.Body.Span).Replace("</h1>", " (bản sẵn)</h1>", StringComparison.Ordinal);
        await Store.SetAsync(key, ReadyPage.ToBytes(ready.Headers, Encoding.UTF8.GetBytes(marked), ready.LiveRegion is not null), tags, TimeSpan.FromMinutes(1), Ct);
    }
}
