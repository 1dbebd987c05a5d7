using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

/// <summary>The view counter over time: Vietnam days, idle articles leaving memory, totals other nodes stored.</summary>
public sealed class ViewCounterClockTests
{
    private const int ArticleId = 7;

    // Vietnam keeps UTC+7 all year (no daylight saving time).
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Views_before_and_after_midnight_in_vietnam_are_stored_on_their_own_days(bool flushBeforeMidnight)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 23, 59, 58, VietnamOffset));
        var sink = new MemoryViewCountSink(stored: 1000);
        using var counter = NewCounter(sink, clock);

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(1000 + i, await counter.CountAsync(ArticleId, countThis: true, Ct));
        }

        if (flushBeforeMidnight)
        {
            Assert.Equal(3, await counter.FlushAsync(Ct));
        }

        // 00:00:02 on 2 September in Vietnam; the stored total is still fresh, so these views take the lock-free path.
        clock.Advance(TimeSpan.FromSeconds(4));
        for (var i = 4; i <= 5; i++)
        {
            Assert.Equal(1000 + i, await counter.CountAsync(ArticleId, countThis: true, Ct));
        }

        await counter.FlushAsync(Ct);
        Assert.Equal([(new DateOnly(2025, 9, 1), 3L), (new DateOnly(2025, 9, 2), 2L)], sink.Days(ArticleId));
        Assert.Equal(1005, sink.Total(ArticleId));
        Assert.Equal(0, counter.Unflushed);
    }

    [Fact]
    public async Task Midnight_utc_is_not_a_new_day_in_vietnam()
    {
        // 06:59:58 on 2 September in Vietnam.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 23, 59, 58, TimeSpan.Zero));
        var sink = new MemoryViewCountSink(stored: 1000);
        using var counter = NewCounter(sink, clock);

        await counter.CountAsync(ArticleId, countThis: true, Ct);
        await counter.CountAsync(ArticleId, countThis: true, Ct);
        clock.Advance(TimeSpan.FromSeconds(4));
        await counter.CountAsync(ArticleId, countThis: true, Ct);

        Assert.Equal(3, await counter.FlushAsync(Ct));
        Assert.Equal([(new DateOnly(2025, 9, 2), 3L)], sink.Days(ArticleId));
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(11, false)]
    public async Task An_article_nobody_read_for_ten_minutes_leaves_memory_and_its_count_comes_back_from_the_store(int idleMinutes, bool kept)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 9, 0, 0, VietnamOffset));
        var sink = new MemoryViewCountSink(stored: 1000);
        using var counter = NewCounter(sink, clock);
        Assert.Equal(1001, await counter.CountAsync(ArticleId, countThis: true, Ct));
        Assert.Equal(1, await counter.FlushAsync(Ct));

        // Idle articles are dropped by the flush.
        clock.Advance(TimeSpan.FromMinutes(idleMinutes));
        Assert.Equal(0, await counter.FlushAsync(Ct));

        // With the store unreadable, only memory can answer: the last known total, or nothing once dropped.
        sink.ReadsFail = true;
        var reads = sink.Reads;
        var shown = await counter.CountAsync(ArticleId, countThis: false, Ct);
        Assert.Equal(reads + 1, sink.Reads);
        Assert.Equal(kept ? 1001 : null, shown);

        sink.ReadsFail = false;
        sink.AddFromAnotherNode(ArticleId, 50);
        clock.Advance(ViewCounter.StoredLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(1052, await counter.CountAsync(ArticleId, countThis: true, Ct));
        Assert.Equal(1, await counter.FlushAsync(Ct));
        Assert.Equal(1052, sink.Total(ArticleId));
    }

    [Fact]
    public async Task An_idle_article_with_views_not_yet_stored_stays_in_memory_until_they_are()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 9, 0, 0, VietnamOffset));
        var sink = new MemoryViewCountSink(stored: 1000);
        using var counter = NewCounter(sink, clock);
        await counter.CountAsync(ArticleId, countThis: true, Ct);
        await counter.CountAsync(ArticleId, countThis: true, Ct);

        clock.Advance(TimeSpan.FromMinutes(30));
        sink.FailNext = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FlushAsync(Ct));
        sink.FailNext = false;
        sink.ReadsFail = true;
        Assert.Equal(1002, await counter.CountAsync(ArticleId, countThis: false, Ct));
        Assert.Equal(2, counter.Unflushed);

        Assert.Equal(2, await counter.FlushAsync(Ct));
        Assert.Equal(1002, sink.Total(ArticleId));
        Assert.Equal([(new DateOnly(2025, 9, 1), 2L)], sink.Days(ArticleId));
    }

    [Fact]
    public async Task The_shown_total_takes_in_views_other_nodes_stored_once_the_stored_total_is_older_than_its_lifetime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 9, 1, 9, 0, 0, VietnamOffset));
        var sink = new MemoryViewCountSink(stored: 1000);
        using var counter = NewCounter(sink, clock);
        Assert.Equal(1001, await counter.CountAsync(ArticleId, countThis: true, Ct));
        var reads = sink.Reads;

        sink.AddFromAnotherNode(ArticleId, 50);
        clock.Advance(ViewCounter.StoredLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(1001, await counter.CountAsync(ArticleId, countThis: false, Ct));
        Assert.Equal(reads, sink.Reads);

        // Past the lifetime the total is read again; this node's view not yet stored stays on top of it.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1051, await counter.CountAsync(ArticleId, countThis: false, Ct));
        Assert.Equal(reads + 1, sink.Reads);
        Assert.Equal(1052, await counter.CountAsync(ArticleId, countThis: true, Ct));

        Assert.Equal(2, await counter.FlushAsync(Ct));
        Assert.Equal(1052, sink.Total(ArticleId));
        Assert.Equal(1052, await counter.CountAsync(ArticleId, countThis: false, Ct));
    }

    private static ViewCounter NewCounter(MemoryViewCountSink sink, FakeTimeProvider clock) =>
        new(sink, clock, NullLogger<ViewCounter>.Instance);
}
