using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Api;

/// <summary>The public JSON API under /api/v1 on a real database: answers, filters, errors, ETags and eviction.</summary>
public abstract class PublicApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client()
    {
        factory.RequireProvider();
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task The_article_list_pages_the_published_articles_newest_first_in_camel_case_json_with_vietnam_times()
    {
        var client = Client();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var published = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now, Ct));

        using var json = await GetJsonAsync(client, "/api/v1/articles?so-muc=3");
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(3, root.GetProperty("pageSize").GetInt32());
        Assert.Equal(published, root.GetProperty("totalCount").GetInt32());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Math.Min(3, published), items.Count);
        var times = items.Select(i => i.GetProperty("publishedAt").GetString()!).ToList();
        Assert.All(times, t => Assert.EndsWith("+07:00", t, StringComparison.Ordinal));
        Assert.Equal(times.OrderByDescending(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)), times);
        var first = items[0];
        Assert.Matches(@"^/[a-z0-9-]+/[a-z0-9-]*-\d+\.html$", first.GetProperty("url").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("category").GetProperty("slug").GetString()));

        using var second = await GetJsonAsync(client, "/api/v1/articles?so-muc=3&trang=2");
        Assert.DoesNotContain(
            second.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()),
            id => items.Any(i => i.GetProperty("id").GetInt32() == id));
    }

    [Fact]
    public async Task The_article_list_filters_by_category_and_by_vietnamese_days()
    {
        var client = Client();
        var article = await factory.PickAsync(2);
        using var byCategory = await GetJsonAsync(client, $"/api/v1/articles?chuyen-muc={article.CategorySlug}&so-muc=50");
        var items = byCategory.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetInt32() == article.Id);

        var publishedAt = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == article.Id).Select(a => a.PublishedAt!.Value).SingleAsync(Ct));
        var day = Sen.Web.Text.VietnamTime.ToLocal(publishedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var onThatDay = await GetJsonAsync(client, $"/api/v1/articles?tu-ngay={day}&den-ngay={day}&so-muc=50");
        var days = onThatDay.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(days, i => i.GetProperty("id").GetInt32() == article.Id);
        Assert.All(days, i => Assert.StartsWith(day, i.GetProperty("publishedAt").GetString(), StringComparison.Ordinal));

        using var before = await GetJsonAsync(client, "/api/v1/articles?den-ngay=1999-12-31");
        Assert.Equal(0, before.RootElement.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_article_detail_has_the_body_canonical_url_author_and_category_and_unpublished_articles_are_404()
    {
        var client = Client();
        var article = await factory.PickAsync(1);
        using var json = await GetJsonAsync(client, $"/api/v1/articles/{article.Id}");
        var root = json.RootElement;
        Assert.Equal(article.Id, root.GetProperty("id").GetInt32());
        Assert.Equal(article.Title, root.GetProperty("title").GetString());
        Assert.Equal(article.Url, root.GetProperty("url").GetString());
        // The test sites set Site:PublicUrl=http://localhost, as a production site sets its address.
        Assert.Equal("http://localhost" + article.Url, root.GetProperty("canonicalUrl").GetString());
        Assert.Equal(article.CategorySlug, root.GetProperty("category").GetProperty("slug").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("bodyHtml").GetString()));
        Assert.True(root.GetProperty("author").TryGetProperty("name", out _));
        Assert.EndsWith("+07:00", root.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);

        var draftId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var category = await db.Categories.FirstAsync(Ct);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var draft = new Article { SiteId = category.SiteId, CategoryId = category.Id, Title = "Bản nháp API", Slug = "ban-nhap-api", Status = ArticleStatus.Draft, CreatedAt = now, UpdatedAt = now };
            db.Articles.Add(draft);
            await db.SaveChangesAsync(Ct);
            return draft.Id;
        });
        await AssertProblemAsync(client, $"/api/v1/articles/{draftId}", HttpStatusCode.NotFound, "Không tìm thấy");
        await AssertProblemAsync(client, "/api/v1/articles/2147483647", HttpStatusCode.NotFound, "Không tìm thấy");
    }

    [Fact]
    public async Task The_categories_are_a_tree_with_urls()
    {
        var client = Client();
        var count = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.CountAsync(Ct));
        using var json = await GetJsonAsync(client, "/api/v1/categories");
        var all = new List<JsonElement>();
        void Walk(JsonElement nodes)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                all.Add(node);
                Walk(node.GetProperty("children"));
            }
        }

        Walk(json.RootElement);
        Assert.Equal(count, all.Count);
        Assert.All(all, c => Assert.Equal("/" + c.GetProperty("slug").GetString(), c.GetProperty("url").GetString()));
        Assert.Contains(json.RootElement.EnumerateArray(), c => c.GetProperty("children").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Search_answers_like_the_search_page()
    {
        var client = Client();
        const string SeedUrl = "/cong-tac-dan-van/que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri-1.html";
        using var json = await GetJsonAsync(client, "/api/v1/search?q=que+son");
        var root = json.RootElement;
        Assert.Equal("que son", root.GetProperty("query").GetString());
        Assert.True(root.GetProperty("totalCount").GetInt32() >= 1);
        var first = root.GetProperty("items")[0];
        Assert.Equal(SeedUrl, first.GetProperty("url").GetString());
        Assert.Equal("article", first.GetProperty("kind").GetString());
        Assert.Contains("<mark>", first.GetProperty("titleHtml").GetString(), StringComparison.Ordinal);

        var page = await client.GetDocumentAsync("/tim-kiem?q=que+son");
        var pageUrls = page.QuerySelectorAll(".search-results .search-hit h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(pageUrls, root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()).ToList());
    }

    [Theory]
    [InlineData("/api/v1/articles?trang=0")]
    [InlineData("/api/v1/articles?trang=abc")]
    [InlineData("/api/v1/articles?trang=1&trang=2")]
    [InlineData("/api/v1/articles?trang=")]
    [InlineData("/api/v1/articles?trang=99999999999")]
    [InlineData("/api/v1/articles?so-muc=0")]
    [InlineData("/api/v1/articles?so-muc=51")]
    [InlineData("/api/v1/articles?so-muc=-1")]
    [InlineData("/api/v1/articles?tu-ngay=03/10/2019")]
    [InlineData("/api/v1/articles?tu-ngay=2019-02-30")]
    [InlineData("/api/v1/articles?den-ngay=%00")]
    [InlineData("/api/v1/articles?tu-ngay=2020-01-02&den-ngay=2020-01-01")]
    [InlineData("/api/v1/articles?chuyen-muc=khong-co-chuyen-muc-nay")]
    [InlineData("/api/v1/articles?chuyen-muc=a&chuyen-muc=b")]
    [InlineData("/api/v1/articles/abc")]
    [InlineData("/api/v1/articles/0")]
    [InlineData("/api/v1/articles/-1")]
    [InlineData("/api/v1/articles/99999999999")]
    [InlineData("/api/v1/search")]
    [InlineData("/api/v1/search?q=")]
    [InlineData("/api/v1/search?q=que&trang=x")]
    [InlineData("/api/v1/search?q=que&sap-xep=cu-nhat")]
    [InlineData("/api/v1/search?q=que&tu-ngay=hom-qua")]
    [InlineData("/api/v1/search?q=a&q=b")]
    public async Task Malformed_input_is_a_400_problem_in_vietnamese_never_a_500(string url)
    {
        await AssertProblemAsync(Client(), url, HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
    }

    [Fact]
    public async Task Unknown_api_addresses_are_a_404_problem_not_an_html_page()
    {
        await AssertProblemAsync(Client(), "/api/v1/khong-co", HttpStatusCode.NotFound, "Không tìm thấy");
    }

    [Theory]
    [InlineData("/api/v1/articles?so-muc=2")]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/search?q=que+son")]
    [InlineData("/openapi/v1.json")]
    public async Task Answers_carry_an_etag_and_no_cache_and_a_matching_if_none_match_gets_304(string url)
    {
        var client = Client();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"nope\"", isWeak: true));
        using var full = await client.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(etag, full.Headers.ETag);
    }

    [Fact]
    public async Task An_edit_evicts_the_cached_answers_that_show_the_article()
    {
        var client = Client();
        var article = await factory.PickAsync(4);
        var detail = $"/api/v1/articles/{article.Id}";
        var list = $"/api/v1/articles?chuyen-muc={article.CategorySlug}&so-muc=50";
        using (var before = await GetJsonAsync(client, detail))
        {
            Assert.Equal(article.Title, before.RootElement.GetProperty("title").GetString());
        }

        using (var beforeList = await GetJsonAsync(client, list))
        {
            Assert.Contains(beforeList.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == article.Title);
        }

        // Written behind the app's back: the cached answer must not change.
        await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Tiêu đề đổi ngầm"), Ct));
        using (var cached = await GetJsonAsync(client, detail))
        {
            Assert.Equal(article.Title, cached.RootElement.GetProperty("title").GetString());
        }

        var result = await factory.InScopeAsync(sp => sp.EditAndPublishAsync(article.Id, "Tiêu đề mới qua API", "Sa-pô mới.", "<p>Nội dung mới.</p>"));
        Assert.Equal(NewsroomOutcome.Done, result.Outcome);
        using var after = await GetJsonAsync(client, detail);
        Assert.Equal("Tiêu đề mới qua API", after.RootElement.GetProperty("title").GetString());
        using var afterList = await GetJsonAsync(client, list);
        Assert.Contains(afterList.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Tiêu đề mới qua API");
    }

    [Fact]
    public async Task The_reference_page_lists_every_documented_operation_with_an_example()
    {
        var client = Client();
        var page = await client.GetDocumentAsync("/tai-lieu-api");
        Assert.Equal("Tài liệu API", page.QuerySelector("main h1").Text());
        var headings = page.QuerySelectorAll(".api-operation h2").Select(h => h.Text()).ToList();
        foreach (var expected in new[] { "GET /api/v1/articles", "GET /api/v1/articles/{id}", "GET /api/v1/categories", "GET /api/v1/search", "GET /api/v1/search/suggest" })
        {
            Assert.Contains(expected, headings);
        }

        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/openapi/v1.json");
        Assert.Contains(page.QuerySelectorAll(".api-operation a"), a => a.GetAttribute("href") == "/api/v1/articles/1");
        Assert.Contains(page.QuerySelectorAll("td"), td => td.Text() == "Số mục mỗi trang, từ 1 đến 50 (mặc định 20).");
    }

    internal static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    internal static async Task AssertProblemAsync(HttpClient client, string url, HttpStatusCode status, string title)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"GET {url}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }
}

public sealed class SqlitePublicApiTests(SqliteAppFactory factory) : PublicApiTests<SqliteAppFactory>(factory);

public sealed class PostgresPublicApiTests(PostgresAppFactory factory) : PublicApiTests<PostgresAppFactory>(factory);
