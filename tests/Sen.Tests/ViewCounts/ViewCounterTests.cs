using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

public sealed class ViewCounterTests
{
    [Fact]
    public async Task Views_counted_while_flushes_run_and_fail_are_stored_exactly_once_and_shown_numbers_are_unique()
    {
        var sink = new MemoryViewCountSink(stored: 1000);
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
}
