using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Redirects;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Cluster;

/// <summary>
/// What a node keeps in memory about content (the redirect table, the next scheduled publication) follows a
/// change made through another node's services, as the newsroom or `sen import` on the same database makes
/// it, within 2 s: the nodes tell each other over Redis (ClusterChanges).
/// </summary>
public sealed class ContentChangeTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>, IAsyncDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);
    private readonly ClusterNodes cluster = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_redirect_saved_through_one_node_is_followed_by_the_other_within_two_seconds()
    {
        cluster.Require();
        var writer = cluster.Node();
        var reader = cluster.Node().CreateClient(new() { AllowAutoRedirect = false });
        var old = "/trang-cu-" + Guid.NewGuid().ToString("N")[..8];

        // The reader's node reads its redirect table (and keeps it): no such address.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri(old, UriKind.Relative), Ct)).StatusCode);

        await using (var scope = writer.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
            var siteId = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
            db.Redirects.Add(new Redirect { SiteId = siteId, OldPath = old, Target = "/xay-dung-dang", Source = "test", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        string? location = null;
        await EventuallyAsync(async () =>
        {
            using var response = await reader.GetAsync(new Uri(old, UriKind.Relative), Ct);
            location = response.Headers.Location?.OriginalString;
            return response.StatusCode == HttpStatusCode.MovedPermanently;
        });
        Assert.Equal("/xay-dung-dang", location);
    }

    [Fact]
    public async Task An_article_scheduled_through_one_node_appears_on_the_other_at_its_time()
    {
        cluster.Require();
        var writer = cluster.Node().Services;
        var reader = cluster.Node().CreateClient();

        // The reader's node serves the home page and learns that nothing is scheduled.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        var id = (await writer.CreateAsync(NewsroomActs.Writer, await writer.FieldsAsync("Bài hẹn giờ trên nút khác"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await writer.SubmitAsync(NewsroomActs.Writer, id)).Outcome);
        var at = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        Assert.Equal(NewsroomOutcome.Done, (await writer.PublishAsync(NewsroomActs.Approver, id, at)).Outcome);
        var url = ArticleUrls.Article("xay-dung-dang", (await writer.ArticleAsync(id)).Slug, id);

        // Rendered again on the reader's node (the publication evicted it) before the article's time.
        Assert.DoesNotContain(url, await (await reader.GetAsync(new Uri("/", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await EventuallyAsync(async () => (await reader.GetStringAsync(new Uri("/", UriKind.Relative), Ct)).Contains(url, StringComparison.Ordinal));
    }

    /// <summary>Asks again every 100 ms until <paramref name="done"/> says yes; fails after <see cref="Within"/>.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < Within, $"Not within {Within.TotalSeconds} s.");
            await Task.Delay(100, Ct);
        }
    }
}
