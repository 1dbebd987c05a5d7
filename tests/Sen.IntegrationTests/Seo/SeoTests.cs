using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Seo;

/// <summary>Feeds, sitemaps, robots.txt and head metadata, with Site:PublicUrl set (the factory's http://localhost) and unset.</summary>
public abstract partial class SeoTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Base = "http://localhost";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(WebApplicationFactory<Program>? app = null, string? host = null)
    {
        factory.RequireProvider();
        return (app ?? factory).CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(host is null ? "http://localhost/" : $"http://{host}/"),
        });
    }

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private Task<List<string>> PublishedUrlsAsync() => factory.InScopeAsync(async sp =>
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var rows = await sp.GetRequiredService<SenDbContext>().Articles.AsNoTracking().Published(now)
            .Select(a => new { a.Id, a.Slug, CategorySlug = a.Category!.Slug })
            .ToListAsync(Ct);
        return rows.Select(a => Base + ArticleUrls.Article(a.CategorySlug, a.Slug, a.Id)).ToList();
    });

    /// <summary>A published article of the first category with articles, published <paramref name="ago"/> before now.</summary>
    private Task<TestArticle> AddPublishedAsync(string title, TimeSpan ago) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var category = await db.Categories.SingleAsync(c => c.Slug == "xay-dung-dang", Ct);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            SiteId = category.SiteId,
            CategoryId = category.Id,
            Title = title,
            Slug = Sen.Web.Text.Slug.From(title, 80),
            Lead = "Sa-pô của " + title,
            BodyHtml = "<p>Nội dung.</p>",
            AuthorName = "Phóng viên",
            Status = ArticleStatus.Published,
            PublishedAt = now - ago,
            CreatedAt = now - ago,
            UpdatedAt = now - ago,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);
        return new TestArticle(article.Id, ArticleUrls.Article(category.Slug, article.Slug, article.Id), category.Id, category.Slug, title);
    });

    [Fact]
    public async Task Site_feed_is_rss_2_with_the_latest_published_articles_and_shows_a_new_one_at_once()
    {
        var client = Client();
        var (response, body) = await GetAsync(client, "/rss.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(body)));
        Assert.Equal("vi", feed.Language);
        Assert.Equal(Base + "/", feed.Links.First(l => l.RelationshipType is null or "alternate").Uri.ToString());
        var items = feed.Items.ToList();
        Assert.InRange(items.Count, 1, 50);
        var published = await PublishedUrlsAsync();
        Assert.All(items, i => Assert.Contains(i.Links[0].Uri.ToString(), published));
        Assert.Equal(items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), items.Select(i => i.Id));

        var fresh = await AddPublishedAsync("Bài mới cho nguồn tin RSS", TimeSpan.FromMinutes(5));
        var again = SyndicationFeed.Load(XmlReader.Create(new StringReader((await GetAsync(client, "/rss.xml")).Body)));
        // Other tests of this class publish too (some later than five minutes ago): find it by its title.
        var first = Assert.Single(again.Items, i => i.Title.Text == "Bài mới cho nguồn tin RSS");
        Assert.Equal(again.Items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), again.Items.Select(i => i.Id));
        Assert.Equal(Base + fresh.Url, first.Links[0].Uri.ToString());
        Assert.Equal("Sa-pô của Bài mới cho nguồn tin RSS", first.Summary.Text);
    }

    [Fact]
    public async Task Category_feed_lists_that_category_only_and_unknown_categories_are_not_found()
    {
        var client = Client();
        const string slug = "cong-tac-dan-van";
        var (response, body) = await GetAsync(client, $"/rss/{slug}.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader(body)));
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, i => Assert.StartsWith($"{Base}/{slug}/", i.Links[0].Uri.ToString(), StringComparison.Ordinal));

        foreach (var bad in new[] { "/rss/khong-co-chuyen-muc.xml", "/rss/KHONG.xml", "/rss/a%20b.xml" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, bad)).Response.StatusCode);
        }

        // Home and category pages point to their feeds.
        var category = await client.GetDocumentAsync("/" + slug);
        var feeds = category.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal([Base + "/rss.xml", $"{Base}/rss/{slug}.xml"], feeds);
        var home = await client.GetDocumentAsync("/");
        Assert.Equal(Base + "/rss.xml", home.QuerySelector("link[rel=alternate][type='application/rss+xml']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Sitemap_index_and_its_parts_validate_and_list_every_published_article_once()
    {
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Seo:SitemapPartSize", "3"));
        var client = Client(app);
        var (response, body) = await GetAsync(client, "/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var index = SitemapSchemas.Validate(body, index: true);
        var parts = index.Descendants(SitemapSchemas.Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains(Base + "/sitemap-pages.xml", parts);

        var articleUrls = new List<string>();
        foreach (var part in parts.Where(p => p.Contains("/sitemap-articles-", StringComparison.Ordinal)))
        {
            var (partResponse, xml) = await GetAsync(client, new Uri(part).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, partResponse.StatusCode);
            var urls = SitemapSchemas.Validate(xml, index: false).Descendants(SitemapSchemas.Sitemap + "loc").Select(l => l.Value).ToList();
            Assert.InRange(urls.Count, 1, 3);
            articleUrls.AddRange(urls);
        }

        var published = await PublishedUrlsAsync();
        Assert.Equal(published.Order(StringComparer.Ordinal), articleUrls.Order(StringComparer.Ordinal));

        var pages = SitemapSchemas.Validate((await GetAsync(client, "/sitemap-pages.xml")).Body, index: false);
        var pageUrls = pages.Descendants(SitemapSchemas.Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Equal(Base + "/", pageUrls[0]);
        Assert.Contains(Base + "/xay-dung-dang", pageUrls);

        // Parts past the end, zero and negative parts are not found.
        foreach (var bad in new[] { "/sitemap-articles-0.xml", "/sitemap-articles--1.xml", "/sitemap-articles-99999.xml", "/sitemap-articles-2147483647.xml" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, bad)).Response.StatusCode);
        }
    }

    [Fact]
    public async Task News_sitemap_lists_the_last_48_hours_and_validates()
    {
        var client = Client();
        var fresh = await AddPublishedAsync("Tin nóng trong hai ngày", TimeSpan.FromHours(3));
        var old = await AddPublishedAsync("Tin cũ hơn hai ngày", TimeSpan.FromHours(49));
        var (response, body) = await GetAsync(client, "/sitemap-news.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var news = SitemapSchemas.Validate(body, index: false);
        var urls = news.Descendants(SitemapSchemas.Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains(Base + fresh.Url, urls);
        Assert.DoesNotContain(Base + old.Url, urls);
        var entry = news.Descendants(SitemapSchemas.Sitemap + "url").Single(u => u.Element(SitemapSchemas.Sitemap + "loc")!.Value == Base + fresh.Url);
        Assert.Equal("Tin nóng trong hai ngày", entry.Descendants(SitemapSchemas.News + "title").Single().Value);
        Assert.Equal("vi", entry.Descendants(SitemapSchemas.News + "language").Single().Value);

        var index = SitemapSchemas.Validate((await GetAsync(client, "/sitemap.xml")).Body, index: true);
        Assert.Contains(Base + "/sitemap-news.xml", index.Descendants(SitemapSchemas.Sitemap + "loc").Select(l => l.Value));
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_newsroom_and_search_results_and_names_the_sitemap()
    {
        var (response, body) = await GetAsync(Client(), "/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /tim-kiem?", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task Article_head_has_absolute_canonical_description_open_graph_and_json_ld()
    {
        var client = Client();
        var article = await factory.PickAsync(1);
        var page = await client.GetDocumentAsync(article.Url);
        var canonical = Base + article.Url;
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var lead = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles.Where(a => a.Id == article.Id).Select(a => a.Lead).SingleAsync(Ct));
        Assert.Equal(lead, page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(article.Title, Meta(page, "og:title"));
        Assert.Equal(canonical, Meta(page, "og:url"));
        Assert.NotNull(page.QuerySelector("meta[name='twitter:card']"));
        Assert.Equal(lead, Meta(page, "og:description"));

        // X falls back to the og: tags; repeating them as twitter:title/description would only add bytes.
        Assert.Null(page.QuerySelector("meta[name='twitter:title'], meta[name='twitter:description']"));

        var data = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();
        var news = data.Single(d => d.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("https://schema.org", news.GetProperty("@context").GetString());
        Assert.Equal(article.Title, news.GetProperty("headline").GetString());
        Assert.Equal(canonical, news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        var published = DateTimeOffset.Parse(news.GetProperty("datePublished").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(DateTimeOffset.Parse(news.GetProperty("dateModified").GetString()!, CultureInfo.InvariantCulture) >= published);
        Assert.False(string.IsNullOrWhiteSpace(news.GetProperty("author")[0].GetProperty("name").GetString()));
        Assert.StartsWith(Base + "/", news.GetProperty("image")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Organization", news.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.StartsWith(Base + "/", news.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString(), StringComparison.Ordinal);

        var crumbs = data.Single(d => d.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, crumbs.Count), crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(Base + "/", crumbs[0].GetProperty("item").GetString());
        Assert.Equal(canonical, crumbs[^1].GetProperty("item").GetString());
        Assert.Equal(article.Title, crumbs[^1].GetProperty("name").GetString());

        // Share links carry the absolute address; nothing third-party is loaded.
        var encoded = Uri.EscapeDataString(canonical);
        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=" + encoded, page.QuerySelector("a.share-facebook")?.GetAttribute("href"));
        Assert.Equal("https://sp.zalo.me/share_to_zalo?url=" + encoded, page.QuerySelector("a.share-zalo")?.GetAttribute("href"));
        Assert.DoesNotContain("/", encoded, StringComparison.Ordinal);
        Assert.Equal(canonical, page.QuerySelector("[data-copy-link]")?.GetAttribute("data-copy-link"));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_ld_cannot_be_closed_by_an_article_title()
    {
        var client = Client();
        var hostile = await AddPublishedAsync("Tiêu đề </script><script>alert(1)</script> & \"ngoặc\"", TimeSpan.FromMinutes(1));
        var html = (await GetAsync(client, hostile.Url)).Body;
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var page = Html.Parse(html);
        var news = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(d => d.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal(hostile.Title, news.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Without_a_public_url_links_come_from_the_request_and_each_host_gets_its_own_cached_copy()
    {
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", ""));
        var article = await factory.PickAsync(2);
        foreach (var host in new[] { "tinhuy.example.vn", "other.example" })
        {
            var client = Client(app, host);
            var page = await client.GetDocumentAsync(article.Url);
            Assert.Equal($"http://{host}{article.Url}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Contains($"Sitemap: http://{host}/sitemap.xml", (await GetAsync(client, "/robots.txt")).Body, StringComparison.Ordinal);
            var feed = SyndicationFeed.Load(XmlReader.Create(new StringReader((await GetAsync(client, "/rss.xml")).Body)));
            Assert.All(feed.Items, i => Assert.StartsWith($"http://{host}/", i.Links[0].Uri.ToString(), StringComparison.Ordinal));
            SitemapSchemas.Validate((await GetAsync(client, "/sitemap.xml")).Body, index: true);

            // Asked again from the same host: its own copy, from the cache.
            foreach (var path in new[] { "/rss.xml", "/sitemap.xml", "/robots.txt" })
            {
                using var again = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
                Assert.True(again.Headers.Age is not null, $"http://{host}{path} was rendered again instead of coming from the cache");
            }
        }
    }

    [Fact]
    public async Task Older_public_url_keys_stand_in_for_site_public_url()
    {
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Site:PublicUrl", "");
            b.UseSetting("Security:PublicUrl", "https://tinhuy.example.vn/");
        });
        var page = await Client(app, "127.0.0.1").GetDocumentAsync("/");
        Assert.Equal("https://tinhuy.example.vn/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}

public sealed class SqliteSeoTests(SqliteAppFactory factory) : SeoTests<SqliteAppFactory>(factory);

public sealed class PostgresSeoTests(PostgresAppFactory factory) : SeoTests<PostgresAppFactory>(factory);
