using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.ViewCounts;

public abstract class ViewCountTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_views_are_counted_exactly_once_flushed_and_each_page_shows_the_live_count()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(1);
        var client = factory.CreateClient();
        await factory.Services.FlushViewsAsync();
        var stored = await factory.StoredViewsAsync(article.Id);
        var daily = await factory.StoredDailyViewsAsync(article.Id);

        const int N = 200;
        var shown = await Task.WhenAll(Enumerable.Range(0, N).Select(async _ =>
        {
            using var response = await client.GetAsync(new Uri(article.Url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return TestArticles.ShownViews(await response.Content.ReadAsStringAsync(Ct));
        }));

        // Every reader saw the count including their own view: all different, exactly the next N numbers.
        Assert.Equal(Enumerable.Range(1, N).Select(i => stored + i), shown.Order());
        Assert.Equal(stored, await factory.StoredViewsAsync(article.Id));

        Assert.Equal(N, await factory.Services.FlushViewsAsync());
        Assert.Equal(stored + N, await factory.StoredViewsAsync(article.Id));
        Assert.Equal(daily + N, await factory.StoredDailyViewsAsync(article.Id));

        var after = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Equal(stored + N + 1, TestArticles.ShownViews(after));
    }

    [Fact]
    public async Task Head_requests_prefetches_and_crawlers_are_not_counted_but_readers_with_any_client_are()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(2);
        var client = factory.CreateClient();
        await factory.Services.FlushViewsAsync();
        var stored = await factory.StoredViewsAsync(article.Id);

        var notViews = new (string Header, string Value)[]
        {
            ("Sec-Purpose", "prefetch"),
            ("Sec-Purpose", "prefetch;prerender"),
            ("Purpose", "prefetch"),
            ("X-Moz", "prefetch"),
            ("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
            ("User-Agent", "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)"),
            ("User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
            ("User-Agent", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
            ("User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)"),
            ("User-Agent", "Mozilla/5.0 (compatible; SomeNewCrawler/0.9)"),
        };
        foreach (var (header, value) in notViews)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, article.Url);
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(stored, TestArticles.ShownViews(await response.Content.ReadAsStringAsync(Ct)));
        }

        using (var head = new HttpRequestMessage(HttpMethod.Head, article.Url))
        using (var response = await client.SendAsync(head, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, await factory.Services.FlushViewsAsync());
        Assert.Equal(stored, await factory.StoredViewsAsync(article.Id));

        var readers = new[]
        {
            "", // wrk sends no User-Agent
            "curl/8.5.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/2406",
        };
        foreach (var userAgent in readers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, article.Url);
            if (userAgent.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            }

            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(readers.Length, await factory.Services.FlushViewsAsync());
        Assert.Equal(stored + readers.Length, await factory.StoredViewsAsync(article.Id));
    }

    [Fact]
    public async Task Views_before_and_after_midnight_in_vietnam_are_stored_as_two_days()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(8);
        var client = factory.CreateClient();
        await factory.Services.FlushViewsAsync();

        // Vietnam keeps UTC+7 all year; the clock goes to two seconds before a midnight there (the clock only moves on).
        var vietnam = TimeSpan.FromHours(7);
        var midnight = new DateTimeOffset(factory.Clock.GetUtcNow().ToOffset(vietnam).Date.AddDays(2), vietnam);
        factory.Clock.SetUtcNow(midnight.AddSeconds(-2));
        var after = DateOnly.FromDateTime(midnight.Date);
        var before = after.AddDays(-1);
        var stored = await StoredViewsByDayAsync(article.Id, before, after);

        for (var i = 0; i < 3; i++)
        {
            await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(4));
        for (var i = 0; i < 2; i++)
        {
            await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        }

        await factory.Services.FlushViewsAsync();
        Assert.Equal((stored.Before + 3, stored.After + 2), await StoredViewsByDayAsync(article.Id, before, after));
    }

    [Fact]
    public async Task Redirects_and_missing_articles_are_not_counted()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(3);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await factory.Services.FlushViewsAsync();
        var stored = await factory.StoredViewsAsync(article.Id);

        using var redirect = await client.GetAsync(new Uri($"/{article.CategorySlug}/wrong-slug-{article.Id}.html", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        var missing = await client.GetDocumentAsync($"/{article.CategorySlug}/missing-999999.html", HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy trang", missing.QuerySelector("h1").Text());

        Assert.Equal(0, await factory.Services.FlushViewsAsync());
        Assert.Equal(stored, await factory.StoredViewsAsync(article.Id));
    }

    [Fact]
    public async Task Views_not_yet_stored_are_stored_when_the_app_shuts_down()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(4);
        var stored = await factory.StoredViewsAsync(article.Id);

        // A second node on the same database, stopped the way the host stops it.
        var node = factory.WithWebHostBuilder(_ => { });
        var client = node.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        }

        Assert.Equal(stored, await factory.StoredViewsAsync(article.Id));
        await node.DisposeAsync();

        Assert.Equal(stored + 7, await factory.StoredViewsAsync(article.Id));
    }

    [Fact]
    public async Task A_failed_flush_keeps_the_views_and_the_next_flush_stores_them_exactly_once()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(5);
        var stored = await factory.StoredViewsAsync(article.Id);
        var daily = await factory.StoredDailyViewsAsync(article.Id);
        var failures = new FailingSink.Counter(1);
        await using var node = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IViewCountSink>();
            services.AddSingleton<IViewCountSink>(sp => new FailingSink(sp.GetRequiredService<DbViewCountSink>(), failures));
        }));
        var client = node.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Services.FlushViewsAsync());
        Assert.Equal(stored, await factory.StoredViewsAsync(article.Id));

        // Views counted while the database was away join the ones put back.
        var page = await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        Assert.Equal(stored + 6, TestArticles.ShownViews(page));

        Assert.Equal(6, await node.Services.FlushViewsAsync());
        Assert.Equal(0, await node.Services.FlushViewsAsync());
        Assert.Equal(stored + 6, await factory.StoredViewsAsync(article.Id));
        Assert.Equal(daily + 6, await factory.StoredDailyViewsAsync(article.Id));
    }

    [Fact]
    public async Task A_flush_into_a_locked_database_fails_and_the_next_one_stores_the_views_once()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(7);
        var stored = await factory.StoredViewsAsync(article.Id);
        var connectionString = factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default")!;

        // A node that gives up on a lock after a second instead of the default 30.
        await using var node = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default", factory.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 1 }.ToString()
            : new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 1 }.ToString()));
        var client = node.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        }

        // Another writer holds the lock: readers go on, the flush cannot write.
        await using (var locker = await LockArticlesAsync(connectionString))
        {
            await Assert.ThrowsAnyAsync<DbException>(() => node.Services.FlushViewsAsync());
            Assert.Equal(4, node.Services.GetRequiredService<ViewCounter>().Unflushed);
        }

        Assert.Equal(stored, await factory.StoredViewsAsync(article.Id));
        Assert.Equal(4, await node.Services.FlushViewsAsync());
        Assert.Equal(stored + 4, await factory.StoredViewsAsync(article.Id));
    }

    [Fact]
    public async Task The_flusher_stores_views_every_second_and_retries_after_a_failure()
    {
        factory.RequireProvider();
        var article = await factory.PickAsync(6);
        var stored = await factory.StoredViewsAsync(article.Id);
        var failures = new FailingSink.Counter(1);
        await using var node = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IViewCountSink>();
            services.AddSingleton<IViewCountSink>(sp => new FailingSink(sp.GetRequiredService<DbViewCountSink>(), failures));
        }));
        var client = node.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.GetStringAsync(new Uri(article.Url, UriKind.Relative), Ct);
        }

        // The first tick meets the failing database; a later one stores the views once.
        for (var tick = 0; tick < 100 && await factory.StoredViewsAsync(article.Id) == stored; tick++)
        {
            factory.Clock.Advance(ViewCountFlusher.Interval);
            await Task.Delay(50, Ct);
        }

        Assert.Equal(0, failures.Remaining);
        Assert.Equal(stored + 3, await factory.StoredViewsAsync(article.Id));
        Assert.Equal(0, node.Services.GetRequiredService<ViewCounter>().Unflushed);
    }

    private Task<(long Before, long After)> StoredViewsByDayAsync(int articleId, DateOnly before, DateOnly after) =>
        factory.InScopeAsync(async sp =>
        {
            var days = await sp.GetRequiredService<SenDbContext>().ArticleViewsDaily
                .Where(v => v.ArticleId == articleId && (v.Day == before || v.Day == after))
                .ToDictionaryAsync(v => v.Day, v => v.Views, Ct);
            return (days.GetValueOrDefault(before), days.GetValueOrDefault(after));
        });

    private async Task<DbConnection> LockArticlesAsync(string connectionString)
    {
        // Unpooled, so closing the connection really ends the transaction and its lock.
        DbConnection connection = factory.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();

        // SQLite: a write transaction (readers still read, in WAL mode). PostgreSQL: EXCLUSIVE blocks
        // UPDATE but not SELECT. Either lock lasts until the connection is closed.
        command.CommandText = factory.Provider == DatabaseProvider.Sqlite
            ? "BEGIN IMMEDIATE; UPDATE \"Sites\" SET \"Name\" = \"Name\";"
            : "BEGIN; LOCK TABLE \"Articles\" IN EXCLUSIVE MODE;";
        await command.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    /// <summary>A database that is down (or locked) for the first flushes.</summary>
    private sealed class FailingSink(IViewCountSink inner, FailingSink.Counter failures) : IViewCountSink
    {
        public async Task<IReadOnlyDictionary<int, long>> AddAsync(IReadOnlyList<ViewDelta> deltas, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref failures.Left) >= 0)
            {
                throw new InvalidOperationException("database is locked");
            }

            return await inner.AddAsync(deltas, cancellationToken);
        }

        public Task<long?> ReadAsync(int articleId, CancellationToken cancellationToken) => inner.ReadAsync(articleId, cancellationToken);

        public sealed class Counter(int failures)
        {
            public int Left = failures;

            public int Remaining => Math.Max(0, Volatile.Read(ref Left));
        }
    }
}

public sealed class SqliteViewCountTests(SqliteAppFactory factory) : ViewCountTests<SqliteAppFactory>(factory);

public sealed class PostgresViewCountTests(PostgresAppFactory factory) : ViewCountTests<PostgresAppFactory>(factory);
