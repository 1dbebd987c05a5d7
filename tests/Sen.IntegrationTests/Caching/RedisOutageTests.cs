using System.Diagnostics;
using System.Net.Sockets;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Newsroom;

namespace Sen.IntegrationTests.Caching;

/// <summary>
/// With the output cache in a Redis that cannot be reached, pages are served uncached at once, views
/// are counted and edits are saved: an outage of the cache is never an outage of the portal.
/// </summary>
public abstract class RedisOutageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_are_served_views_counted_and_edits_saved_while_redis_is_unreachable()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Redis:Configuration", $"127.0.0.1:{ClosedPort()},connectTimeout=1000");
            b.UseSetting("Redis:InstanceName", "sen-outage:");
        });
        var client = app.CreateClient();
        var article = await factory.PickAsync(5);

        // Before commands failed fast, each store call waited 5 s for a connection: about 20 s a page.
        var clock = Stopwatch.StartNew();
        long? previous = null;
        for (var i = 0; i < 3; i++)
        {
            await client.GetDocumentAsync("/");
            await client.GetDocumentAsync(CategoryUrls.Category(article.CategorySlug));
            var html = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
            var shown = TestArticles.ShownViews(html);
            Assert.True(previous is null || shown == previous + 1, $"{previous} then {shown}");
            previous = shown;
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"9 pages took {clock.Elapsed} with Redis unreachable");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.EditAndPublishAsync(article.Id, "Sửa khi Redis ngừng", "", "<p>Nội dung.</p>");
            Assert.Equal(NewsroomOutcome.Done, result.Outcome);
        }

        Assert.Equal("Sửa khi Redis ngừng", (await client.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteRedisOutageTests(SqliteAppFactory factory) : RedisOutageTests<SqliteAppFactory>(factory);

public sealed class PostgresRedisOutageTests(PostgresAppFactory factory) : RedisOutageTests<PostgresAppFactory>(factory);
