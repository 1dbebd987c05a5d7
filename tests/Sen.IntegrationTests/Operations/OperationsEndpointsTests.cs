using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Sen.IntegrationTests.Operations;

/// <summary>/healthz, /readyz and /metrics through HTTP, on a real database.</summary>
public abstract class OperationsEndpointsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string TestClientHeader = "X-Test-Client-Address";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_reports_database_and_media_as_json_and_is_never_cached()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["media"]);
        Assert.False(checks.ContainsKey("redis"), "Redis is not configured, so it is not checked");
    }

    [Fact]
    public async Task Readyz_is_503_when_the_configured_redis_is_down_while_healthz_stays_200()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Redis:Configuration", $"127.0.0.1:{ClosedPort()},connectTimeout=500");
            b.UseSetting("Redis:InstanceName", "sen-readyz:");
        });
        var client = app.CreateClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var redis = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
        Assert.Equal("Unhealthy", redis.GetProperty("status").GetString());

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Metrics_show_request_latency_by_page_type_cache_hits_views_and_the_publish_queue()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        var article = await factory.PickAsync(2);
        for (var i = 0; i < 3; i++)
        {
            using var page = await client.GetAsync(new Uri(article.Url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var category = await client.GetAsync(new Uri("/" + article.CategorySlug, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, category.StatusCode);
        }

        using var search = await client.GetAsync(new Uri("/tim-kiem?q=tin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        await factory.Services.FlushViewsAsync();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("sen_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("page_type=\"article\"", text, StringComparison.Ordinal);
        Assert.Contains("page_type=\"category\"", text, StringComparison.Ordinal);
        Assert.Contains("page_type=\"search\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Url, text, StringComparison.Ordinal);

        // The second and third reads of each page come from the cache.
        Assert.Matches("sen_output_cache_requests_total\\{[^}]*result=\"hit\"[^}]*\\} [1-9]", text);
        Assert.Matches("sen_output_cache_requests_total\\{[^}]*result=\"miss\"[^}]*\\} [1-9]", text);
        Assert.Contains("sen_search_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Matches("sen_views_flushed_total\\{[^}]*\\} [1-9]", text);
        Assert.Contains("sen_publish_scheduled", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("203.0.113.9", null, HttpStatusCode.Forbidden)]

    // Through a proxy on this machine: the reader's address is the one that counts.
    [InlineData("127.0.0.1", "203.0.113.9", HttpStatusCode.Forbidden)]

    // A client that is not a known proxy cannot claim to be local.
    [InlineData("198.51.100.7", "127.0.0.1", HttpStatusCode.Forbidden)]
    public async Task Metrics_are_for_loopback_readers_only_by_default(string connection, string? forwardedFor, HttpStatusCode expected)
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressFromHeader())));
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(TestClientHeader, connection);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_can_be_opened_to_a_configured_network()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Operations:MetricsAllowedNetworks:0", "10.20.0.0/16");
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressFromHeader()));
        });
        var client = app.CreateClient();
        foreach (var (address, expected) in new[] { ("10.20.3.4", HttpStatusCode.OK), ("10.21.3.4", HttpStatusCode.Forbidden), ("127.0.0.1", HttpStatusCode.Forbidden) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Add(TestClientHeader, address);
            using var response = await client.SendAsync(request, Ct);
            Assert.True(expected == response.StatusCode, $"{address}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Metrics_can_be_turned_off_and_the_site_still_serves()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Operations:Metrics", "false"));
        var client = app.CreateClient();
        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.DoesNotContain("sen_request_duration", await metrics.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        foreach (var url in new[] { "/", "/healthz", "/readyz" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
    }

    /// <summary>
    /// While traces are off the host must not give each request an Activity and a log scope: it does so whenever its
    /// request log (Microsoft.AspNetCore.Hosting.Diagnostics) is on at any level, and that was half of what a cached
    /// page allocated (docs/OPERATIONS.md, "Logs").
    /// </summary>
    [Fact]
    public async Task Requests_get_no_activity_from_the_host_while_traces_are_off()
    {
        factory.RequireProvider();
        var seen = new List<bool>();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RecordActivity(seen))));
        var client = app.CreateClient();
        foreach (var url in new[] { "/", "/", "/tin-tuc-su-kien" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }

        Assert.Equal([false, false, false], seen);
    }

    private sealed class RecordActivity(List<bool> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                lock (seen)
                {
                    seen.Add(System.Diagnostics.Activity.Current is not null);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The test host has no connection address: this gives each request the one the test names.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(TestClientHeader, out var value))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SqliteOperationsEndpointsTests(SqliteAppFactory factory) : OperationsEndpointsTests<SqliteAppFactory>(factory);

public sealed class PostgresOperationsEndpointsTests(PostgresAppFactory factory) : OperationsEndpointsTests<PostgresAppFactory>(factory);
