using Microsoft.AspNetCore.Mvc.Testing;

namespace Sen.IntegrationTests.Articles;

public abstract class PublicPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string SeedUrl = "/cong-tac-dan-van/que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri-1.html";

    private HttpClient Client()
    {
        factory.RequireProvider();
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task Reader_goes_home_then_category_then_article_and_back()
    {
        var client = Client();
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("vi", home.DocumentElement.GetAttribute("lang"));
        Assert.Single(home.QuerySelectorAll("h1"));
        Assert.NotNull(home.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(home.QuerySelector("main#main"));
        Assert.NotNull(home.QuerySelector(".featured-article h3 a"));

        var categoryLink = home.QuerySelectorAll(".main-nav a").First(a => a.Text() == "Công tác Dân vận").GetAttribute("href")!;
        var category = await client.GetDocumentAsync(categoryLink);
        Assert.Equal("Công tác Dân vận", category.QuerySelector("h1").Text());
        var articleLink = category.QuerySelectorAll(".article-list h2 a").Select(a => a.GetAttribute("href")).First(h => h == SeedUrl);

        var article = await client.GetDocumentAsync(articleLink!);
        Assert.StartsWith("Quế Sơn: Hội nghị tổng kết", article.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Equal(categoryLink, article.QuerySelector(".back a")!.GetAttribute("href"));
        Assert.Equal(["Trang chủ", "Công tác Dân vận"], article.QuerySelectorAll(".breadcrumb a").Select(a => a.Text()).ToArray());
    }

    [Fact]
    public async Task Wrong_article_slug_or_category_redirects_permanently_to_the_canonical_url()
    {
        var client = Client();
        foreach (var wrong in new[] { "/cong-tac-dan-van/old-title-1.html", "/tin-tuc-su-kien/que-son-1.html", "/cong-tac-dan-van/1.html" })
        {
            using var response = await client.GetAsync(new Uri(wrong, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(SeedUrl, response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Unknown_article_gets_the_vietnamese_not_found_page()
    {
        var document = await Client().GetDocumentAsync("/cong-tac-dan-van/khong-co-999999.html", HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy trang", document.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Category_pages_are_paginated_and_bad_page_numbers_are_refused_in_vietnamese()
    {
        var client = Client();
        var first = await client.GetDocumentAsync("/tin-tuc-su-kien");
        Assert.Contains("bài viết", first.QuerySelector(".result-count").Text(), StringComparison.Ordinal);

        // Page 1 is cached first: a bad page number must still not be answered from the cache.
        await client.GetDocumentAsync("/tin-tuc-su-kien");
        foreach (var bad in new[] { "0", "-1", "abc", "99999999999999999999", "1.5", "", "1&trang=2" })
        {
            var document = await client.GetDocumentAsync($"/tin-tuc-su-kien?trang={bad}", HttpStatusCode.BadRequest);
            Assert.Equal("Yêu cầu không hợp lệ", document.QuerySelector("h1").Text());
            Assert.Contains("Số trang không hợp lệ", document.QuerySelector("main").Text(), StringComparison.Ordinal);
        }

        await client.GetDocumentAsync("/tin-tuc-su-kien?trang=500", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Parent_category_lists_articles_of_its_children_and_the_side_menu_see_all_link_works()
    {
        var client = Client();
        var home = await client.GetDocumentAsync("/");
        var seeAll = home.QuerySelector(".side-menu .see-all a")!.GetAttribute("href")!;
        var page = await client.GetDocumentAsync(seeAll);
        Assert.Equal("Đảng Cộng sản Việt Nam", page.QuerySelector("h1").Text());
        Assert.NotEmpty(page.QuerySelectorAll(".article-list li"));
        Assert.Contains("Khóa XII", page.QuerySelectorAll(".subcategories a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var response = await Client().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Opener-Policy").Single());
        // Only features browsers know: Chromium reports any other (such as FLoC's interest-cohort) as an error.
        Assert.Equal("camera=(), microphone=(), geolocation=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/khong-ton-tai")]
    [InlineData("/cong-tac-dan-van/abc.html")]
    [InlineData("/cong-tac-dan-van/abc-0.html")]
    [InlineData("/cong-tac-dan-van/abc--1.html")]
    [InlineData("/cong-tac-dan-van/abc-99999999999999999999.html")]
    [InlineData("/cong-tac-dan-van/abc-2147483648.html")]
    [InlineData("/cong-tac-dan-van/abc-1.htm")]
    [InlineData("/C%C3%B4ng-t%C3%A1c")]
    [InlineData("/a%01b")]
    [InlineData("/%E0%A4%A")]
    [InlineData("/%ZZ")]
    [InlineData("/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/cong-tac-dan-van/%3Cscript%3Ealert(1)%3C%2Fscript%3E-1.html")]
    [InlineData("/cong-tac-dan-van/a/b/c")]
    [InlineData("/tin-tuc-su-kien?trang=")]
    [InlineData("/tin-tuc-su-kien?trang=1&trang=2")]
    [InlineData("/tin-tuc-su-kien?trang=%00")]
    [InlineData("/loi")]
    [InlineData("/loi?code=abc")]
    [InlineData("/loi/he-thong")]
    public async Task Hostile_urls_never_get_a_server_error(string url)
    {
        using var response = await Client().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode is >= 300 and < 500, $"{url} answered {(int)response.StatusCode}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc-su-kien")]
    [InlineData("/tin-tuc-su-kien?trang=1")]
    [InlineData(SeedUrl)]
    public async Task Public_pages_answer_other_methods_with_405_and_the_methods_they_allow(string url)
    {
        var client = Client();
        await client.GetDocumentAsync(url);
        foreach (var method in new[] { "TRACE", "PUT", "DELETE", "POST", "PATCH" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is not "TRACE")
            {
                request.Content = new FormUrlEncodedContent([new("q", "x")]);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
            var page = Html.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(["Phương thức không được hỗ trợ"], page.QuerySelectorAll("h1").Select(h => h.Text()));
            Assert.Null(page.QuerySelector(".article-body, .article-list"));
        }

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_still_get_404()
    {
        var client = Client();
        foreach (var url in new[] { "/khong-co-chuyen-muc-nay", "/cong-tac-dan-van/khong-co-bai-nay-999999.html", "/a/b/c/d" })
        {
            Assert.Equal("Không tìm thấy trang", (await client.GetDocumentAsync(url, HttpStatusCode.NotFound)).QuerySelector("h1").Text());
        }
    }

    [Fact]
    public async Task Overlong_urls_get_414_with_a_vietnamese_page()
    {
        var client = Client();
        var document = await client.GetDocumentAsync("/" + new string('a', 3000), HttpStatusCode.RequestUriTooLong);
        Assert.Equal("Đường dẫn quá dài", document.QuerySelector("h1").Text());
        await client.GetDocumentAsync("/tin-tuc-su-kien?trang=" + new string('9', 5000), HttpStatusCode.RequestUriTooLong);
    }
}

public sealed class SqlitePublicPagesTests(SqliteAppFactory factory) : PublicPagesTests<SqliteAppFactory>(factory);

public sealed class PostgresPublicPagesTests(PostgresAppFactory factory) : PublicPagesTests<PostgresAppFactory>(factory);
