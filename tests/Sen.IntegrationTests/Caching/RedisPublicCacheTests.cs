using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Caching;

namespace Sen.IntegrationTests.Caching;

/// <summary>
/// The cache tests again with the output cache in Redis (Redis:Configuration), as several nodes run it,
/// plus the reason to use Redis: an edit on one node evicts the page every node serves.
/// </summary>
public abstract class RedisPublicCacheTests<TFactory>(TFactory factory) : PublicCacheTests<TFactory>(factory), IAsyncDisposable
    where TFactory : SenAppFactory
{
    // Each test's app gets its own key prefix, so tests (and providers) never read each other's pages.
    private readonly string instance = $"sen-test-{Guid.NewGuid():N}:";
    private readonly List<WebApplicationFactory<Program>> nodes = [];
    private WebApplicationFactory<Program>? app;

    protected override WebApplicationFactory<Program> App => app ??= Node();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected override void Require()
    {
        Factory.RequireProvider();
        TestServer.Redis.Require();
    }

    [Fact]
    public async Task The_cache_is_in_redis_and_an_edit_on_one_node_evicts_the_page_on_every_node()
    {
        Require();
        var first = App;
        var second = Node();
        var local = Assert.IsType<NodeLocalOutputCacheStore>(first.Services.GetRequiredService<IOutputCacheStore>());
        var store = Assert.IsType<FailSafeOutputCacheStore>(local.Shared);
        Assert.Contains("Redis", store.Inner.GetType().Name, StringComparison.Ordinal);

        var article = await Factory.PickAsync(0);
        var a = first.CreateClient();
        var b = second.CreateClient();
        Assert.Equal(article.Title, (await a.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());
        Assert.Equal(article.Title, (await b.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());

        await using (var scope = first.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.EditAndPublishAsync(article.Id, "Sửa trên nút thứ nhất", "", "<p>Nội dung.</p>");
            Assert.Equal(NewsroomOutcome.Done, result.Outcome);
        }

        // The editing node at once; the other once its short-lived copy of the page (1 s) has expired.
        Assert.Equal("Sửa trên nút thứ nhất", (await a.GetDocumentAsync(article.Url)).QuerySelector("h1").Text());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await b.GetDocumentAsync(article.Url)).QuerySelector("h1").Text() != "Sửa trên nút thứ nhất")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "The other node still serves the old page after 2 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_scheduled_article_that_came_due_while_no_node_ran_is_on_the_pages_the_next_node_serves()
    {
        Require();
        var id = (await Factory.Services.CreateAsync(NewsroomActs.Writer, await Factory.Services.FieldsAsync("Bài đến giờ khi máy chủ tắt"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await Factory.Services.SubmitAsync(NewsroomActs.Writer, id)).Outcome);
        var at = Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        Assert.Equal(NewsroomOutcome.Done, (await Factory.Services.PublishAsync(NewsroomActs.Approver, id, at)).Outcome);
        var url = ArticleUrls.Article("xay-dung-dang", (await Factory.Services.ArticleAsync(id)).Slug, id);

        // The first node caches the home page in Redis without the article, then stops before its time.
        var first = Node();
        Assert.DoesNotContain(url, Links(await first.CreateClient().GetDocumentAsync("/")));
        nodes.Remove(first);
        await first.DisposeAsync();

        Factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var next = Node().CreateClient();
        Assert.Contains(url, Links(await next.GetDocumentAsync("/")));
    }

    private static List<string?> Links(AngleSharp.Dom.IDocument document) =>
        [.. document.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))];

    private WebApplicationFactory<Program> Node()
    {
        var node = Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Redis:Configuration", TestServer.Redis.Value);
            b.UseSetting("Redis:InstanceName", instance);
        });
        nodes.Add(node);
        return node;
    }
}

public sealed class SqliteRedisPublicCacheTests(SqliteAppFactory factory) : RedisPublicCacheTests<SqliteAppFactory>(factory);

public sealed class PostgresRedisPublicCacheTests(PostgresAppFactory factory) : RedisPublicCacheTests<PostgresAppFactory>(factory);
