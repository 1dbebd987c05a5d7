using System.IO.Compression;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Caching;

/// <summary>Public pages come from the output cache, and every content write shows on the next request.</summary>
public abstract partial class PublicCacheTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TFactory Factory => factory;

    /// <summary>The factory the tests run on; the Redis subclasses put the cache in Redis.</summary>
    protected virtual WebApplicationFactory<Program> App => factory;

    protected virtual void Require() => factory.RequireProvider();

    /// <summary>Runs handlers on the app under test, so their evictions reach the cache it serves from.</summary>
    private async Task<T> InAppScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Article_page_comes_from_the_cache_until_an_edit_evicts_it()
    {
        Require();
        var article = await factory.PickAsync(7);
        var client = App.CreateClient();
        Assert.Equal(article.Title, (await client.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());
        Assert.Contains(article.Url, Links(await client.GetDocumentAsync(CategoryUrls.Category(article.CategorySlug))));

        // Written behind the app's back: the cached page must not change.
        await InAppScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Tiêu đề đổi ngầm"), Ct));
        Assert.Equal(article.Title, (await client.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());

        var result = await InAppScopeAsync(sp => sp.EditAndPublishAsync(article.Id, "Tiêu đề mới sau biên tập", "Sa-pô mới.", "<p>Nội dung mới.</p>"));
        Assert.Equal(NewsroomOutcome.Done, result.Outcome);

        var page = await client.GetDocumentAsync(article.Url);
        Assert.Equal("Tiêu đề mới sau biên tập", page.QuerySelector("h1").Text());
        Assert.Equal("Nội dung mới.", page.QuerySelector(".article-body").Text());
        var list = await client.GetDocumentAsync(CategoryUrls.Category(article.CategorySlug));
        Assert.Contains(list.QuerySelectorAll(".article-list h2 a"), a => a.GetAttribute("href") == article.Url && a.Text() == "Tiêu đề mới sau biên tập");
    }

    [Fact]
    public async Task Publishing_shows_the_article_on_its_category_page_and_home_at_once_and_unpublishing_hides_it()
    {
        Require();
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (id, url) = await InAppScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var category = await db.Categories.SingleAsync(c => c.Slug == "xay-dung-dang", Ct);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var draft = new Article
            {
                SiteId = category.SiteId,
                CategoryId = category.Id,
                Title = "Bài nháp chờ xuất bản",
                Slug = "bai-nhap-cho-xuat-ban",
                BodyHtml = "<p>Nội dung.</p>",
                Status = ArticleStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Articles.Add(draft);
            await db.SaveChangesAsync(Ct);
            return (draft.Id, ArticleUrls.Article(category.Slug, draft.Slug, draft.Id));
        });

        Assert.DoesNotContain(url, Links(await client.GetDocumentAsync("/xay-dung-dang")));
        Assert.DoesNotContain(url, Links(await client.GetDocumentAsync("/")));
        await client.GetDocumentAsync(url, HttpStatusCode.NotFound);

        Assert.Equal(NewsroomOutcome.Done, (await InAppScopeAsync(sp => sp.PublishAsync(id))).Outcome);
        Assert.Contains(url, Links(await client.GetDocumentAsync("/xay-dung-dang")));
        Assert.Contains(url, Links(await client.GetDocumentAsync("/")));
        Assert.Equal("Bài nháp chờ xuất bản", (await client.GetDocumentAsync(url)).QuerySelector("h1").Text());

        Assert.Equal(NewsroomOutcome.Done, (await InAppScopeAsync(sp => sp.UnpublishAsync(id))).Outcome);
        Assert.DoesNotContain(url, Links(await client.GetDocumentAsync("/xay-dung-dang")));
        Assert.DoesNotContain(url, Links(await client.GetDocumentAsync("/")));
        await client.GetDocumentAsync(url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Renaming_a_category_shows_in_the_menus_of_every_cached_page_at_once()
    {
        Require();
        var client = App.CreateClient();
        var article = await factory.PickAsync(8);
        var category = await InAppScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.SingleAsync(c => c.Slug == "hoc-tap-va-lam-theo-bac", Ct));
        Assert.Contains(category.Name, MenuNames(await client.GetDocumentAsync("/")));
        await client.GetDocumentAsync(article.Url);

        Assert.Equal(SaveResult.Saved, await InAppScopeAsync(sp => sp.GetRequiredService<RenameCategory>().HandleAsync(new RenameCategory.Command(category.Id, "Học và làm theo Bác"), Ct)));

        foreach (var url in new[] { "/", article.Url })
        {
            var menu = MenuNames(await client.GetDocumentAsync(url));
            Assert.Contains("Học và làm theo Bác", menu);
            Assert.DoesNotContain(category.Name, menu);
        }
    }

    [Fact]
    public async Task Home_and_category_pages_answer_a_matching_if_none_match_with_304_but_article_pages_never_do()
    {
        Require();
        var client = App.CreateClient();
        foreach (var url in new[] { "/", "/tin-tuc-su-kien", "/tin-tuc-su-kien?trang=1" })
        {
            using var first = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.True(first.Headers.CacheControl?.NoCache, url);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            using var second = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(etag, second.Headers.ETag);

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"old\"", isWeak: true));
            using var third = await client.SendAsync(stale, Ct);
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        }

        var article = await factory.PickAsync(9);
        using var page = await client.GetAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Null(page.Headers.ETag);
        Assert.Null(page.Content.Headers.LastModified);
        Assert.True(page.Headers.CacheControl?.NoCache);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, article.Url);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", "*");
        conditional.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
        using var again = await client.SendAsync(conditional, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Pages_are_compressed_with_brotli_or_gzip_and_keep_the_live_count()
    {
        Require();
        var article = await factory.PickAsync(10);
        var client = App.CreateClient();
        foreach (var (encoding, decompress) in new (string, Func<Stream, Stream>)[]
        {
            ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
            ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
        })
        {
            foreach (var url in new[] { "/", article.Url })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
                await using var body = decompress(await response.Content.ReadAsStreamAsync(Ct));
                using var reader = new StreamReader(body);
                var html = await reader.ReadToEndAsync(Ct);
                Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
                if (url == article.Url)
                {
                    Assert.True(TestArticles.ShownViews(html) > 0);
                }
            }
        }

        // A browser offering everything gets Brotli for pages compressed once when cached, and gzip for
        // article pages, whose count is spliced into a page compressed once per version.
        long? previous = null;
        foreach (var (url, expected) in new[] { ("/", "br"), (article.Url, "gzip"), (article.Url, "gzip") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal([expected], response.Content.Headers.ContentEncoding);
            Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync(Ct)).Length);
            if (expected == "gzip")
            {
                await using var body = new GZipStream(await response.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
                using var reader = new StreamReader(body);
                var shown = TestArticles.ShownViews(await reader.ReadToEndAsync(Ct));
                Assert.True(previous is null || shown == previous + 1, $"{previous} then {shown}");
                previous = shown;
            }
        }

        // A client that takes no compression never gets a cached compressed copy.
        foreach (var url in new[] { "/", article.Url })
        {
            using var plain = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.EndsWith("</html>", (await plain.Content.ReadAsStringAsync(Ct)).TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Static_assets_are_fingerprinted_and_cached_for_a_year()
    {
        Require();

        // Tests run on the build's asset manifest, whose caching headers MapStaticAssets replaces with
        // no-cache unless told otherwise; a published app serves the manifest's headers, as here.
        await using var app = App.WithWebHostBuilder(b => b.UseSetting("EnableStaticAssetsDevelopmentCaching", "true"));
        var client = app.CreateClient();
        var href = (await client.GetDocumentAsync("/")).QuerySelector("link[rel=stylesheet]")?.GetAttribute("href") ?? "";
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);

        using var response = await client.GetAsync(new Uri(href, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable"), $"Cache-Control: {response.Headers.CacheControl}");
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Wrong_case_urls_still_redirect_and_junk_query_strings_share_the_cached_page()
    {
        Require();
        var article = await factory.PickAsync(11);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetDocumentAsync(article.Url);
        using var upper = await client.GetAsync(new Uri(article.Url.Replace(article.CategorySlug, article.CategorySlug.ToUpperInvariant(), StringComparison.Ordinal), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);

        await InAppScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Không được thấy tiêu đề này"), Ct));
        var page = await client.GetDocumentAsync(article.Url + "?utm_source=zalo&x=" + Guid.NewGuid());
        Assert.Equal(article.Title, page.QuerySelector("h1").Text());
    }

    private static List<string?> Links(IDocument document) =>
        document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();

    private static List<string> MenuNames(IDocument document) =>
        document.QuerySelectorAll(".main-nav a").Select(a => a.Text()).ToList();
}

public sealed class SqlitePublicCacheTests(SqliteAppFactory factory) : PublicCacheTests<SqliteAppFactory>(factory);

public sealed class PostgresPublicCacheTests(PostgresAppFactory factory) : PublicCacheTests<PostgresAppFactory>(factory);
