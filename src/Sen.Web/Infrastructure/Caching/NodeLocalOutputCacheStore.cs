using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// A node's short-lived copies of what it reads from the shared output cache (Redis): a hot page costs one Redis
/// read per lifetime on each node instead of one per request (bench/cluster.sh: a node that read every hit from
/// Redis served about a quarter of what it serves from memory). An eviction made on this node drops every copy at
/// once; one made on another node reaches this node's readers when the copies expire, so a node is at most the
/// lifetime behind the shared cache (<c>Redis:LocalCacheLifetime</c>, 1 s; 0 turns the copies off). The copies age by
/// the machine's clock, not the app's <see cref="TimeProvider"/>: they are plumbing, not content. At most
/// <see cref="MaxCopies"/> are kept; hot pages are read first, so they are the ones kept.
/// </summary>
public sealed class NodeLocalOutputCacheStore(IOutputCacheStore shared, TimeSpan lifetime) : IOutputCacheStore, IAsyncDisposable, IDisposable
{
    public const int MaxCopies = 1000;

    private readonly ConcurrentDictionary<string, Copy> copies = new(StringComparer.Ordinal);
    private readonly long lifetimeTicks = (long)(lifetime.TotalSeconds * Stopwatch.Frequency);

    // Moved by every eviction: a read from the shared store that an eviction overlapped keeps no copy.
    private long generation;
    private long nextSweep;

    public IOutputCacheStore Shared => shared;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        if (copies.TryGetValue(key, out var copy) && copy.Until > now)
        {
            return copy.Value;
        }

        var before = Interlocked.Read(ref generation);
        var value = await shared.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            copies.TryRemove(key, out _);
        }
        else
        {
            Keep(key, value, before, now);
        }

        return value;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        copies.TryRemove(key, out _);
        return shared.SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        // Copies carry no tags (Redis reads do not return them), so any eviction drops them all: evictions are rare.
        Drop();
        try
        {
            await shared.EvictByTagAsync(tag, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Drop();
        }
    }

    public void Dispose() => (shared as IDisposable)?.Dispose();

    public ValueTask DisposeAsync() => shared is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    private void Drop()
    {
        Interlocked.Increment(ref generation);
        copies.Clear();
    }

    private void Keep(string key, byte[] value, long before, long now)
    {
        if (now >= Interlocked.Read(ref nextSweep))
        {
            Interlocked.Exchange(ref nextSweep, now + lifetimeTicks);
            foreach (var (oldKey, old) in copies)
            {
                if (old.Until <= now)
                {
                    copies.TryRemove(oldKey, out _);
                }
            }
        }

        if (copies.Count >= MaxCopies && !copies.ContainsKey(key))
        {
            return;
        }

        copies[key] = new Copy(value, now + lifetimeTicks);

        // An eviction began after the read started: the value may be what it evicted.
        if (Interlocked.Read(ref generation) != before)
        {
            copies.TryRemove(key, out _);
        }
    }

    private sealed record Copy(byte[] Value, long Until);
}
