using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Cluster;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Cluster;

/// <summary>
/// Without Redis, a command run beside the node (`sen import`) writes the database and evicts only its own cache;
/// it moves the content stamps when it ends, and the node refreshes its cached pages at its next look (every 2 s).
/// CommandLineTests runs the same through two real processes.
/// </summary>
public abstract class ContentStampTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_made_behind_the_nodes_back_reaches_its_cached_page_once_the_stamp_moves()
    {
        factory.RequireProvider();
        using var client = factory.CreateClient();
        var stamps = factory.Services.GetRequiredService<ContentStamps>();
        var (id, url) = await factory.InScopeAsync(async services =>
        {
            var article = await services.GetRequiredService<SenDbContext>().Articles.AsNoTracking().Include(a => a.Category)
                .Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.Id).FirstAsync(Ct);
            return (article.Id, ArticleUrls.Article(article.Category!.Slug, article.Slug, article.Id));
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
        await EventuallyAsync(() => Task.FromResult(stamps.Seen >= 0));
        var refreshes = stamps.Refreshes;

        // Another process renames the article with bulk SQL, as an import does; this node was not told.
        var title = "Đổi tên ở tiến trình khác " + Guid.NewGuid().ToString("N")[..8];
        await factory.InScopeAsync(services => services.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title), Ct));
        Assert.DoesNotContain(title, await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct), StringComparison.Ordinal);

        // The command ends by moving the stamps; the node's next look (every 2 s) refreshes the page.
        await factory.InScopeAsync(async services =>
        {
            await ContentStamps.BumpAsync(services.GetRequiredService<SenDbContext>(), Ct);
            return true;
        });
        await EventuallyAsync(async () => (await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct)).Contains(title, StringComparison.Ordinal));
        await EventuallyAsync(() => Task.FromResult(stamps.Refreshes == refreshes + 1));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < Within, $"Not within {Within.TotalSeconds} s.");
            await Task.Delay(50, Ct);
        }
    }
}

public sealed class SqliteContentStampTests(SqliteAppFactory factory) : ContentStampTests<SqliteAppFactory>(factory);

public sealed class PostgresContentStampTests(PostgresAppFactory factory) : ContentStampTests<PostgresAppFactory>(factory);
