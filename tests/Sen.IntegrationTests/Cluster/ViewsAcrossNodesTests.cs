using System.Diagnostics;

namespace Sen.IntegrationTests.Cluster;

/// <summary>
/// Views sent to two nodes sum exactly in the database, and each node's pages show the other's views as
/// soon as that node has flushed them (issue 13, point 2): the totals travel over Redis (ViewCountPeers).
/// </summary>
public sealed class ViewsAcrossNodesTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>, IAsyncDisposable
{
    private const int N = 500;
    private readonly ClusterNodes cluster = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Views_sent_to_both_nodes_sum_exactly_and_each_node_shows_the_others_within_two_seconds()
    {
        cluster.Require();
        var article = await factory.PickAsync(1);
        var a = cluster.Node();
        var b = cluster.Node();
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var stored = await factory.StoredViewsAsync(article.Id);

        await Task.WhenAll(ViewAsync(onA, article.Url, N), ViewAsync(onB, article.Url, N));

        // B stores its views first, then A: the database holds every view once.
        Assert.Equal(N, await b.Services.FlushViewsAsync());
        Assert.Equal(N, await a.Services.FlushViewsAsync());
        Assert.Equal(stored + (2 * N), await factory.StoredViewsAsync(article.Id));

        // B read back only its own views; A's arrive with A's flush. Each look at B is one more view of B's.
        var clock = Stopwatch.StartNew();
        for (var looks = 1; ; looks++)
        {
            var shown = TestArticles.ShownViews(await onB.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct));
            if (shown == stored + (2 * N) + looks)
            {
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"B shows {shown}, not {stored + (2 * N) + looks}, after 2 s.");
            await Task.Delay(50, Ct);
        }
    }

    private static Task ViewAsync(HttpClient client, string url, int views) =>
        Parallel.ForEachAsync(Enumerable.Range(0, views), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (_, ct) =>
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });
}
