using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

public sealed class ViewCounterTests
{
    [Fact]
    public async Task Views_counted_while_flushes_run_and_fail_are_stored_exactly_once_and_shown_numbers_are_unique()
    {
        var sink = new MemorySink(stored: 1000);
        using var counter = new ViewCounter(sink, TimeProvider.System, NullLogger<ViewCounter>.Instance);
        var ct = TestContext.Current.CancellationToken;
        const int Readers = 8;
        const int ViewsEach = 20_000;

        var shown = new ConcurrentBag<long>();
        using var stop = new CancellationTokenSource();
        var flusher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sink.FailNext = Random.Shared.Next(3) == 0;
                try
                {
                    await counter.FlushAsync(ct);
                }
                catch (InvalidOperationException)
                {
                }
            }
        }, ct);

        await Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < ViewsEach; i++)
            {
                shown.Add((await counter.CountAsync(7, countThis: true, ct))!.Value);
            }
        }, ct)));
        await stop.CancelAsync();
        await flusher;
        sink.FailNext = false;
        await counter.FlushAsync(ct);

        Assert.Equal(1000 + Readers * ViewsEach, sink.Total(7));
        Assert.Equal(Readers * ViewsEach, sink.DailyTotal(7));
        Assert.Equal(0, counter.Unflushed);
        Assert.Equal(Enumerable.Range(1001, Readers * ViewsEach).Select(v => (long)v), shown.Order());
        Assert.Equal(1000 + Readers * ViewsEach, await counter.CountAsync(7, countThis: false, ct));
    }

    private sealed class MemorySink(long stored) : IViewCountSink
    {
        private readonly Dictionary<int, long> totals = [];
        private readonly Dictionary<int, long> daily = [];

        public bool FailNext { get; set; }

        public Task<IReadOnlyDictionary<int, long>> AddAsync(IReadOnlyList<ViewDelta> deltas, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                throw new InvalidOperationException("The database is down.");
            }

            lock (totals)
            {
                foreach (var delta in deltas)
                {
                    Assert.Equal(delta.Views, delta.Days.Sum(d => d.Views));
                    totals[delta.ArticleId] = Total(delta.ArticleId) + delta.Views;
                    daily[delta.ArticleId] = daily.GetValueOrDefault(delta.ArticleId) + delta.Views;
                }

                return Task.FromResult<IReadOnlyDictionary<int, long>>(new Dictionary<int, long>(totals));
            }
        }

        public Task<long?> ReadAsync(int articleId, CancellationToken cancellationToken)
        {
            lock (totals)
            {
                return Task.FromResult<long?>(Total(articleId));
            }
        }

        public long Total(int articleId)
        {
            lock (totals)
            {
                return totals.GetValueOrDefault(articleId, stored);
            }
        }

        public long DailyTotal(int articleId)
        {
            lock (totals)
            {
                return daily.GetValueOrDefault(articleId);
            }
        }
    }
}
