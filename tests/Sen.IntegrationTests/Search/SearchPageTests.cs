using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sen.IntegrationTests.Search;

public abstract class SearchPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string SeedUrl = "/cong-tac-dan-van/que-son-hoi-nghi-tong-ket-10-nam-thuc-hien-ket-luan-so-62-kl-tw-cua-bo-chinh-tri-1.html";

    private HttpClient Client()
    {
        factory.RequireProvider();
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Theory]
    [InlineData("que son")]
    [InlineData("QUẾ SƠN")]
    [InlineData("Quế Sơn")]
    [InlineData("que  son  hoi nghi")]
    public async Task Seed_article_is_the_first_result(string q)
    {
        var document = await Client().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
        var first = document.QuerySelector(".search-results .search-hit h2 a");
        Assert.Equal(SeedUrl, first?.GetAttribute("href"));
        Assert.Contains("kết quả", document.QuerySelector(".result-count").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ket luan 62")]
    [InlineData("62-KL/TW")]
    [InlineData("\"kết luận số 62\"")]
    public async Task Seed_article_is_among_the_first_results_for_its_conclusion(string q)
    {
        var document = await Client().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
        var top = document.QuerySelectorAll(".search-results .search-hit h2 a").Take(3).Select(a => a.GetAttribute("href"));
        Assert.Contains(SeedUrl, top);
    }

    [Fact]
    public async Task Decomposed_input_finds_the_same_as_composed()
    {
        var nfd = "Quế Sơn".Normalize(NormalizationForm.FormD);
        var document = await Client().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(nfd));
        Assert.Equal(SeedUrl, document.QuerySelector(".search-results .search-hit h2 a")?.GetAttribute("href"));
        Assert.Equal("Quế Sơn", document.QuerySelector("#search-q")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Matched_words_are_marked_in_title_and_snippet_and_text_is_encoded()
    {
        var document = await Client().GetDocumentAsync("/tim-kiem?q=que+son");
        var hit = document.QuerySelector(".search-results .search-hit")!;
        Assert.Equal(["Quế", "Sơn"], hit.QuerySelectorAll("h2 mark").Select(m => m.TextContent).Take(2).ToArray());
        Assert.NotEmpty(hit.QuerySelectorAll(".snippet mark"));
        Assert.All(document.QuerySelectorAll(".search-results *"), e => Assert.Contains(e.LocalName, new[] { "li", "article", "h2", "a", "mark", "p", "span", "time" }));
    }

    [Fact]
    public async Task No_results_page_helps_in_vietnamese()
    {
        var document = await Client().GetDocumentAsync("/tim-kiem?q=xyzzyqwerty");
        Assert.Empty(document.QuerySelectorAll(".search-results li"));
        Assert.Contains("Không tìm thấy kết quả nào", document.QuerySelector(".search-help").Text(), StringComparison.Ordinal);
        Assert.Contains("không dấu", document.QuerySelector(".search-help").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_category_and_date_and_sorts_newest_first()
    {
        var client = Client();
        var inCategory = await client.GetDocumentAsync("/tim-kiem?q=dang&chuyen-muc=cong-tac-dan-van");
        Assert.All(inCategory.QuerySelectorAll(".search-hit h2 a"), a => Assert.StartsWith("/cong-tac-dan-van/", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.NotEmpty(inCategory.QuerySelectorAll(".search-hit"));

        var day = await client.GetDocumentAsync("/tim-kiem?q=que+son&tu-ngay=03/10/2019&den-ngay=03/10/2019");
        Assert.Equal(SeedUrl, day.QuerySelector(".search-hit h2 a")?.GetAttribute("href"));
        var before = await client.GetDocumentAsync("/tim-kiem?q=que+son&den-ngay=02/10/2019");
        Assert.DoesNotContain(before.QuerySelectorAll(".search-hit h2 a"), a => a.GetAttribute("href") == SeedUrl);

        var newest = await client.GetDocumentAsync("/tim-kiem?q=va&sap-xep=moi-nhat");
        var times = newest.QuerySelectorAll(".search-hit time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(times.Count > 1);
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task Results_are_paginated_with_the_query_and_filters_kept()
    {
        var client = Client();
        var first = await client.GetDocumentAsync("/tim-kiem?q=va&sap-xep=moi-nhat");
        Assert.Equal(10, first.QuerySelectorAll(".search-hit").Length);
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/tim-kiem?q=va&sap-xep=moi-nhat&trang=2", next);
        var second = await client.GetDocumentAsync(next!);
        Assert.NotEmpty(second.QuerySelectorAll(".search-hit"));
        Assert.Empty(second.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href")).Intersect(first.QuerySelectorAll(".search-hit h2 a").Select(a => a.GetAttribute("href"))));
        Assert.Equal("11", second.QuerySelector(".search-results")?.GetAttribute("start"));
        Assert.Equal("moi-nhat", second.QuerySelector("#search-sort option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("tu-ngay=32/13/2019", "Ngày không hợp lệ")]
    [InlineData("tu-ngay=abc", "Ngày không hợp lệ")]
    [InlineData("tu-ngay=10/10/2019&den-ngay=01/10/2019", "Khoảng thời gian không hợp lệ")]
    [InlineData("chuyen-muc=khong-co", "Chuyên mục cần lọc không tồn tại")]
    [InlineData("trang=0", "Số trang không hợp lệ")]
    public async Task Bad_filters_get_a_vietnamese_400(string query, string message)
    {
        var document = await Client().GetDocumentAsync("/tim-kiem?q=dang&" + query, HttpStatusCode.BadRequest);
        Assert.Contains(message, document.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_use_the_last_word_as_a_prefix()
    {
        using var response = await Client().GetAsync(new Uri("/api/v1/search/suggest?q=" + Uri.EscapeDataString("que so"), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(SeedUrl, items[0].GetProperty("url").GetString());
        Assert.StartsWith("Quế Sơn", items[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_search_box_works_without_javascript_and_loads_the_enhancement_deferred()
    {
        var client = Client();
        var home = await client.GetDocumentAsync("/");
        var form = home.QuerySelector("form.search-form")!;
        Assert.Equal("/tim-kiem", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("q", form.QuerySelector("#header-q")?.GetAttribute("name"));
        var script = home.QuerySelectorAll("script[src]").Single(s => s.GetAttribute("src")!.Contains("search", StringComparison.Ordinal));
        Assert.True(script.HasAttribute("defer"));
        using var js = await client.GetAsync(new Uri(script.GetAttribute("src")!, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Theory]
    [MemberData(nameof(HostileSearchInput.Queries), MemberType = typeof(HostileSearchInput))]
    public async Task Hostile_queries_get_a_normal_page_never_a_server_error(string q)
    {
        var client = Client();
        foreach (var url in new[] { "/tim-kiem?q=" + Uri.EscapeDataString(q), "/api/v1/search/suggest?q=" + Uri.EscapeDataString(q) })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }

        var document = await client.GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
        Assert.Equal("Tìm kiếm", document.QuerySelector("h1").Text());
        Assert.Null(document.QuerySelector("main script"));
    }

    [Theory]
    [InlineData("/tim-kiem?q=%ED%A0%80")]
    [InlineData("/tim-kiem?q=%FF%FE")]
    [InlineData("/tim-kiem?q=%C3")]
    [InlineData("/tim-kiem?q=que&q=son")]
    [InlineData("/tim-kiem?q=que&trang=2&trang=3")]
    [InlineData("/tim-kiem?q=que&trang=999999")]
    [InlineData("/tim-kiem?q=que&sap-xep=%27")]
    [InlineData("/tim-kiem?q=que&chuyen-muc=%00")]
    [InlineData("/api/v1/search/suggest")]
    [InlineData("/api/v1/search/suggest?q=%ED%A0%80")]
    public async Task Hostile_urls_never_get_a_server_error(string url)
    {
        using var response = await Client().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{url} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Ten_thousand_character_query_gets_a_clear_vietnamese_message()
    {
        var client = Client();
        var q = string.Concat(Enumerable.Repeat("quế sơn ", 1250));
        using var response = await client.GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(q), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode is 200 or 414, $"answered {(int)response.StatusCode}");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(response.StatusCode == HttpStatusCode.OK ? "kết quả" : "Đường dẫn quá dài", document.QuerySelector("main").Text(), StringComparison.Ordinal);
    }
}

public sealed class SqliteSearchPageTests(SqliteAppFactory factory) : SearchPageTests<SqliteAppFactory>(factory);

public sealed class PostgresSearchPageTests(PostgresAppFactory factory) : SearchPageTests<PostgresAppFactory>(factory);

/// <summary>Queries that try FTS5 and tsquery syntax, SQL injection, control characters and broken UTF-16.</summary>
public static class HostileSearchInput
{
    public static TheoryData<string> Queries() =>
    [
        "",
        "   ",
        "\t\n",
        new string('a', 1500),
        string.Join(' ', Enumerable.Repeat("đảng", 80)),
        "\"",
        "\"\"\"",
        "\"que son",
        "*",
        "que*",
        "NEAR(que son)",
        "que NEAR son",
        "-que",
        "que -son",
        "(",
        ")",
        "(que OR son",
        "title:que",
        "{TitleFolded}: que",
        "^que",
        "que AND OR NOT",
        "' OR 1=1 --",
        "'; DROP TABLE \"Articles\"; --",
        "1; SELECT * FROM sqlite_master",
        "que' & 'son",
        "que & | ! <-> :*",
        "\\",
        "\u0000\u0001\u001f",
        "que\u0000son",
        "\ud800",
        "a\udc00b",
        "\ufffe\uffff",
        "😀 🇻🇳",
        "<script>alert(1)</script>",
        "%",
        "_",
    ];
}
