using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sen.Web;
using Sen.Web.Infrastructure.Hosting;

namespace Sen.IntegrationTests.Search;

/// <summary>
/// Search pages and suggestions are limited per client address, with limits from configuration.
/// TestServer requests have no address, so a test-only startup filter takes it from a header.
/// </summary>
public sealed class SearchRateLimitTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private const string ClientHeader = "X-Test-Client-Address";

    [Fact]
    public async Task Searching_beyond_the_configured_limit_gets_a_vietnamese_429_page_with_retry_after_and_other_clients_go_on()
    {
        await using var app = Limited(pagesPerMinute: 3, suggestionsPerMinute: 1000);
        var reader = Client(app, "203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            await reader.GetDocumentAsync("/tim-kiem?q=que+son");
        }

        using var refused = await reader.GetAsync(new Uri("/tim-kiem?q=que+son", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 1, 60);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Quá nhiều yêu cầu", page.QuerySelector("main h1").Text());
        Assert.Contains("Bạn tìm kiếm quá nhiều lần", page.QuerySelector("main").Text(), StringComparison.Ordinal);

        var other = await Client(app, "198.51.100.20").GetDocumentAsync("/tim-kiem?q=que+son");
        Assert.NotEmpty(other.QuerySelectorAll(".search-hit"));

        // Suggestions have a limit of their own.
        using var suggestion = await reader.GetAsync(new Uri("/api/v1/search/suggest?q=que+so", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, suggestion.StatusCode);
    }

    [Fact]
    public async Task Suggestions_beyond_the_configured_limit_get_a_vietnamese_problem_with_retry_after_and_other_clients_go_on()
    {
        await using var app = Limited(pagesPerMinute: 1000, suggestionsPerMinute: 5);
        var reader = Client(app, "2001:db8::7");
        for (var i = 0; i < 5; i++)
        {
            using var ok = await reader.GetAsync(new Uri("/api/v1/search/suggest?q=que+s" + new string('o', i % 2), UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await reader.GetAsync(new Uri("/api/v1/search/suggest?q=que+so", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(RetryAfterSeconds(refused), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Quá nhiều yêu cầu", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("gợi ý tìm kiếm", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var other = await Client(app, "2001:db8::8").GetAsync(new Uri("/api/v1/search/suggest?q=que+so", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData("PermitsPerMinute")]
    [InlineData("SuggestionsPerMinute")]
    public async Task A_limit_below_one_stops_the_start(string setting)
    {
        // Built and started directly: Program turns a start-up failure into one line and an exit code
        // (StartupFailure), which a WebApplicationFactory cannot observe.
        var data = Directory.CreateTempSubdirectory("sen-ratelimit-");
        try
        {
            await using var app = SenApp.Build([$"--Sen:DataPath={data.FullName}", $"--Search:RateLimit:{setting}=0"]);
            var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains(setting, error.Message, StringComparison.Ordinal);
            Assert.Contains(setting, StartupFailure.Describe(error), StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private WebApplicationFactory<Program> Limited(int pagesPerMinute, int suggestionsPerMinute) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Search:RateLimit:PermitsPerMinute", pagesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Search:RateLimit:SuggestionsPerMinute", suggestionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        });

    private static HttpClient Client(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private static int RetryAfterSeconds(HttpResponseMessage response) =>
        (int)(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero).TotalSeconds;

    /// <summary>Sets the connection's remote address from <see cref="ClientHeader"/>, ahead of Sen's pipeline.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
