using System.Text.Json;

namespace Sen.IntegrationTests.Api;

/// <summary>CORS only for the configured origins, and a per-client rate limit with a Vietnamese 429 problem.</summary>
public sealed class ApiCorsAndRateLimitTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private const string Allowed = "https://baodientu.example.vn";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_origin_gets_cors_headers_by_default()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        using var response = await GetAsync(client, "/api/v1/categories", Allowed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Only_configured_origins_get_cors_headers_and_only_for_reading()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Api:Cors:AllowedOrigins:0", Allowed));
        var client = app.CreateClient();

        // Twice each, so the second comes from the output cache: no origin's headers leak to another.
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await GetAsync(client, "/api/v1/articles?so-muc=1", Allowed);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(Allowed, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));

            using var other = await GetAsync(client, "/api/v1/articles?so-muc=1", "https://evil.example");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

            using var none = await GetAsync(client, "/api/v1/articles?so-muc=1", null);
            Assert.False(none.Headers.Contains("Access-Control-Allow-Origin"));
        }

        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/articles", UriKind.Relative));
        preflight.Headers.Add("Origin", Allowed);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var ok = await client.SendAsync(preflight, Ct);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(Allowed, Assert.Single(ok.Headers.GetValues("Access-Control-Allow-Origin")));

        using var write = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/articles", UriKind.Relative));
        write.Headers.Add("Origin", Allowed);
        write.Headers.Add("Access-Control-Request-Method", "DELETE");
        using var refused = await client.SendAsync(write, Ct);
        Assert.False(refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Calls_beyond_the_configured_limit_get_a_vietnamese_429_problem_with_retry_after()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Api:RateLimit:PermitsPerMinute", "3"));
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/v1/categories", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("/api/v1/articles", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange((int)(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero).TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Quá nhiều yêu cầu", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("Retry-After", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Api:RateLimit:PermitsPerMinute", "0")]
    [InlineData("Api:Cors:AllowedOrigins:0", "not an origin")]
    [InlineData("Api:Cors:AllowedOrigins:0", "https://example.vn/path")]
    public async Task Bad_settings_stop_the_start(string setting, string value)
    {
        var data = Directory.CreateTempSubdirectory("sen-api-");
        try
        {
            await using var app = Sen.Web.SenApp.Build([$"--Sen:DataPath={data.FullName}", $"--{setting}={value}"]);
            await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync(Ct));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request, Ct);
    }
}
