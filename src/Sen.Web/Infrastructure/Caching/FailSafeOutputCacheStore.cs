using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// Wraps a shared output cache store (Redis) so that an outage costs pages their cache, not their
/// readers' time: after a failed read or write the store is left alone for <see cref="RestPeriod"/>
/// (reads miss, writes are skipped, one warning is logged), then tried again. Evictions are always
/// attempted; their failures go to the caller, which logs them (<see cref="PublicCache.EvictAsync"/>).
/// </summary>
public sealed class FailSafeOutputCacheStore(IOutputCacheStore inner, TimeProvider clock, ILogger<FailSafeOutputCacheStore> logger)
    : IOutputCacheBufferStore, IAsyncDisposable, IDisposable
{
    public static readonly TimeSpan RestPeriod = TimeSpan.FromSeconds(5);

    private long restUntil;

    public IOutputCacheStore Inner => inner;

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        inner.EvictByTagAsync(tag, cancellationToken);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (Resting())
        {
            return null;
        }

        try
        {
            return await inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Rest(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (Resting())
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Rest(ex);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (inner is not IOutputCacheBufferStore buffered)
        {
            var bytes = await GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return false;
            }

            await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Resting())
        {
            return false;
        }

        try
        {
            return await buffered.TryGetAsync(key, destination, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Rest(ex);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Resting())
        {
            return;
        }

        try
        {
            await buffered.SetAsync(key, value, tags, validFor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Rest(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private bool Resting() => clock.GetUtcNow().UtcTicks < Volatile.Read(ref restUntil);

    private void Rest(Exception ex)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var previous = Volatile.Read(ref restUntil);
        if (now >= previous && Interlocked.CompareExchange(ref restUntil, now + RestPeriod.Ticks, previous) == previous)
        {
            logger.LogWarning(ex, "The output cache store failed; pages are served uncached for {RestPeriod} before it is tried again", RestPeriod);
        }
    }
}
