using Microsoft.AspNetCore.OutputCaching;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Tests.Caching;

/// <summary>A node's short-lived copies of the shared cache: read once per lifetime, dropped by any eviction, never kept past one.</summary>
public sealed class NodeLocalOutputCacheStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hot_key_is_read_from_the_shared_store_once_per_lifetime()
    {
        var shared = new CountingStore();
        await shared.SetAsync("trang", [1, 2, 3], ["tin"], TimeSpan.FromMinutes(1), Ct);
        var store = new NodeLocalOutputCacheStore(shared, TimeSpan.FromMilliseconds(200));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal([1, 2, 3], await store.GetAsync("trang", Ct));
        }

        Assert.Equal(1, shared.Reads);
        await Task.Delay(300, Ct);
        Assert.Equal([1, 2, 3], await store.GetAsync("trang", Ct));
        Assert.Equal(2, shared.Reads);
    }

    [Fact]
    public async Task An_eviction_on_this_node_drops_the_copies_at_once()
    {
        var shared = new CountingStore();
        await shared.SetAsync("trang", [1], ["tin"], TimeSpan.FromMinutes(1), Ct);
        var store = new NodeLocalOutputCacheStore(shared, TimeSpan.FromMinutes(1));
        Assert.NotNull(await store.GetAsync("trang", Ct));

        await store.EvictByTagAsync("tin", Ct);

        Assert.Null(await store.GetAsync("trang", Ct));
        Assert.Equal(2, shared.Reads);
    }

    [Fact]
    public async Task A_read_that_an_eviction_overlapped_keeps_no_copy()
    {
        var shared = new CountingStore();
        await shared.SetAsync("trang", [1], ["tin"], TimeSpan.FromMinutes(1), Ct);
        var store = new NodeLocalOutputCacheStore(shared, TimeSpan.FromMinutes(1));

        // The read gets the old bytes from the shared store, then an eviction runs before it returns.
        var pause = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shared.Pause = pause;
        var read = store.GetAsync("trang", Ct).AsTask();
        await store.EvictByTagAsync("tin", Ct);
        await shared.SetAsync("trang", [2], ["tin"], TimeSpan.FromMinutes(1), Ct);
        pause.SetResult();

        Assert.Equal([1], await read);
        Assert.Equal([2], await store.GetAsync("trang", Ct));
    }

    [Fact]
    public async Task A_page_written_again_is_read_again_and_copies_stop_at_the_cap()
    {
        var shared = new CountingStore();
        var store = new NodeLocalOutputCacheStore(shared, TimeSpan.FromMinutes(1));
        await store.SetAsync("trang", [1], null, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal([1], await store.GetAsync("trang", Ct));
        await store.SetAsync("trang", [2], null, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal([2], await store.GetAsync("trang", Ct));

        for (var i = 0; i < NodeLocalOutputCacheStore.MaxCopies + 10; i++)
        {
            await shared.SetAsync($"k{i}", [3], null, TimeSpan.FromMinutes(1), Ct);
            await store.GetAsync($"k{i}", Ct);
        }

        var reads = shared.Reads;
        await store.GetAsync("k5", Ct);
        await store.GetAsync($"k{NodeLocalOutputCacheStore.MaxCopies + 5}", Ct);
        Assert.Equal(reads + 1, shared.Reads);
    }

    /// <summary>An in-memory shared store that counts reads and can hold a read until told.</summary>
    private sealed class CountingStore : IOutputCacheStore
    {
        private readonly Dictionary<string, (byte[] Value, string[] Tags)> entries = [];

        public int Reads { get; private set; }

        public TaskCompletionSource? Pause { get; set; }

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Reads++;
            var value = entries.TryGetValue(key, out var entry) ? entry.Value : null;
            if (Pause is { } pause)
            {
                Pause = null;
                await pause.Task;
            }

            return value;
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            entries[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            foreach (var key in entries.Where(e => e.Value.Tags.Contains(tag)).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }

            return ValueTask.CompletedTask;
        }
    }
}
