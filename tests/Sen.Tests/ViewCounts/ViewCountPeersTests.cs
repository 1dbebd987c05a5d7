using Microsoft.Extensions.Logging.Abstractions;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

/// <summary>Two nodes' counters on one store, each taking the other's flushed totals as ViewCountPeers hands them over.</summary>
public sealed class ViewCountPeersTests
{
    [Fact]
    public async Task Two_nodes_taking_each_others_totals_during_views_and_flushes_end_up_showing_the_exact_stored_total()
    {
        var sink = new MemoryViewCountSink(stored: 1000);
        using var a = new ViewCounter(sink, TimeProvider.System, NullLogger<ViewCounter>.Instance);
        using var b = new ViewCounter(sink, TimeProvider.System, NullLogger<ViewCounter>.Instance);
        a.Stored += b.ObserveStored;
        b.Stored += a.ObserveStored;
        var ct = TestContext.Current.CancellationToken;
        const int ViewsEach = 20_000;

        using var stop = new CancellationTokenSource();
        var flushers = new[] { a, b }.Select(counter => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await counter.FlushAsync(ct);
            }
        }, ct)).ToList();
        await Task.WhenAll(new[] { a, a, b, b }.Select(counter => Task.Run(async () =>
        {
            for (var i = 0; i < ViewsEach; i++)
            {
                await counter.CountAsync(7, countThis: true, ct);
            }
        }, ct)));
        await stop.CancelAsync();
        await Task.WhenAll(flushers);
        await a.FlushAsync(ct);
        await b.FlushAsync(ct);

        // Whichever flushed last told the other: both show the database's total, no view twice or missing.
        Assert.Equal(1000 + 4 * ViewsEach, sink.Total(7));
        Assert.Equal(sink.Total(7), await a.CountAsync(7, countThis: false, ct));
        Assert.Equal(sink.Total(7), await b.CountAsync(7, countThis: false, ct));
    }

    [Fact]
    public void A_message_carries_the_totals_and_a_node_ignores_its_own()
    {
        var message = ViewCountPeers.Format("nut-a", new Dictionary<int, long> { [7] = 1234, [42] = 5 });
        Assert.Null(ViewCountPeers.Parse(message, "nut-a"));
        Assert.Equal(new Dictionary<int, long> { [7] = 1234, [42] = 5 }, ViewCountPeers.Parse(message, "nut-b"));
        Assert.Empty(ViewCountPeers.Parse("nut-a|x:1,2:-3,", "nut-b")!);
    }
}
