using System.Collections.Concurrent;
using Sen.Web.Text;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Counts article views in memory and hands them to the database in batches (<see cref="FlushAsync"/>,
/// driven every second by <see cref="ViewCountFlusher"/>). It also answers what a page should show:
/// the stored total plus this node's views not yet stored, so the number a reader sees includes
/// their own view even though the page itself comes from the output cache.
/// </summary>
/// <remarks>
/// The database is the source of truth; this node keeps only its unflushed deltas and a copy of the
/// stored totals. Every change to an article's entry happens under that entry's lock, which is
/// uncontended unless one article is read many times at once, and then costs a few nanoseconds.
/// </remarks>
public sealed class ViewCounter(IViewCountSink sink, TimeProvider clock, ILogger<ViewCounter> logger) : IDisposable
{
    /// <summary>How long a stored total read from the database is trusted before it is read again, for views other nodes stored.</summary>
    public static readonly TimeSpan StoredLifetime = TimeSpan.FromSeconds(10);

    // Entries of articles nobody read for this long are dropped, so the dictionary does not grow with the archive.
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, Entry> entries = new();
    private readonly SemaphoreSlim flushGate = new(1, 1);

    /// <summary>Views counted on this node and not yet stored (taken by a flush in progress included).</summary>
    public long Unflushed
    {
        get
        {
            long sum = 0;
            foreach (var entry in entries.Values)
            {
                lock (entry)
                {
                    sum += entry.Pending + entry.InFlight;
                }
            }

            return sum;
        }
    }

    /// <summary>
    /// Counts one view of the article when <paramref name="countThis"/> is true, and returns the count to
    /// show (stored + unflushed, this view included), or null when the stored total cannot be read.
    /// </summary>
    public async ValueTask<long?> CountAsync(int articleId, bool countThis, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            var entry = entries.GetOrAdd(articleId, static _ => new Entry());
            TaskCompletionSource? startedLoad = null;
            Task? wait;
            long version;
            lock (entry)
            {
                if (entry.Removed)
                {
                    continue;
                }

                if (entry.Loading is null && (entry.Stored < 0 || now - entry.StoredAt > StoredLifetime))
                {
                    startedLoad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    entry.Loading = startedLoad.Task;
                }

                // Only a reader of a never-read article waits; others show the last known total meanwhile.
                wait = entry.Stored < 0 ? entry.Loading : null;
                version = entry.Version;
            }

            if (startedLoad is not null)
            {
                await LoadStoredAsync(articleId, entry, version, startedLoad).ConfigureAwait(false);
            }

            if (wait is not null)
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            lock (entry)
            {
                if (entry.Removed)
                {
                    continue;
                }

                if (countThis)
                {
                    entry.Pending++;
                    entry.LastCounted = now;
                    var day = DateOnly.FromDateTime(VietnamTime.ToLocal(now.UtcDateTime));
                    entry.Days ??= [];
                    entry.Days[day] = entry.Days.GetValueOrDefault(day) + 1;
                }

                return entry.Stored < 0 ? null : entry.Stored + entry.InFlight + entry.Pending;
            }
        }
    }

    /// <summary>
    /// Stores every pending delta in one batch. Deltas are taken out atomically; if the sink fails they are
    /// put back, and since the sink writes all or nothing, the next flush stores them exactly once.
    /// </summary>
    /// <returns>The number of views stored.</returns>
    public async Task<long> FlushAsync(CancellationToken cancellationToken)
    {
        await flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = Take();
            if (batch.Count == 0)
            {
                return 0;
            }

            IReadOnlyDictionary<int, long> totals;
            try
            {
                totals = await sink.AddAsync(batch.Select(b => b.Delta).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                Restore(batch);
                throw;
            }

            var now = clock.GetUtcNow();
            long stored = 0;
            foreach (var (entry, delta) in batch)
            {
                lock (entry)
                {
                    entry.InFlight -= delta.Views;
                    entry.Version++;
                    if (totals.TryGetValue(delta.ArticleId, out var total))
                    {
                        // The database's answer includes every node's flushed views: the freshest total there is.
                        entry.Stored = total;
                        entry.StoredAt = now;
                        stored += delta.Views;
                    }
                }
            }

            return stored;
        }
        finally
        {
            flushGate.Release();
        }
    }

    public void Dispose() => flushGate.Dispose();

    private List<(Entry Entry, ViewDelta Delta)> Take()
    {
        var now = clock.GetUtcNow();
        var batch = new List<(Entry, ViewDelta)>();
        foreach (var (articleId, entry) in entries)
        {
            lock (entry)
            {
                if (entry.Pending == 0)
                {
                    if (entry.InFlight == 0 && entry.Loading is null && now - entry.LastCounted > IdleLifetime && now - entry.StoredAt > IdleLifetime)
                    {
                        entry.Removed = true;
                        entries.TryRemove(new KeyValuePair<int, Entry>(articleId, entry));
                    }

                    continue;
                }

                var days = entry.Days!.Select(d => new DailyViews(d.Key, d.Value)).ToList();
                batch.Add((entry, new ViewDelta(articleId, entry.Pending, days)));
                entry.InFlight += entry.Pending;
                entry.Pending = 0;
                entry.Days = null;
                entry.Version++;
            }
        }

        return batch;
    }

    private static void Restore(List<(Entry Entry, ViewDelta Delta)> batch)
    {
        foreach (var (entry, delta) in batch)
        {
            lock (entry)
            {
                entry.InFlight -= delta.Views;
                entry.Pending += delta.Views;
                entry.Days ??= [];
                foreach (var day in delta.Days)
                {
                    entry.Days[day.Day] = entry.Days.GetValueOrDefault(day.Day) + day.Views;
                }

                entry.Version++;
            }
        }
    }

    private async Task LoadStoredAsync(int articleId, Entry entry, long version, TaskCompletionSource done)
    {
        long? stored = null;
        try
        {
            stored = await sink.ReadAsync(articleId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not read the stored view count of article {ArticleId}", articleId);
        }

        lock (entry)
        {
            // A flush that took or stored deltas while the row was read makes the read ambiguous (did it
            // see them or not?); the flush itself brings the exact total, so the read is dropped.
            if (stored is long value && entry.Version == version && entry.InFlight == 0)
            {
                entry.Stored = value;
            }

            entry.StoredAt = clock.GetUtcNow();
            entry.Loading = null;
        }

        done.SetResult();
    }

    private sealed class Entry
    {
        /// <summary>The article's total in the database as last seen; -1 when not known yet.</summary>
        public long Stored = -1;

        public DateTimeOffset StoredAt;

        /// <summary>Counted, not yet taken by a flush.</summary>
        public long Pending;

        /// <summary>Taken by the flush in progress, not yet known to be stored.</summary>
        public long InFlight;

        /// <summary>Pending views by Vietnam day; their sum is <see cref="Pending"/>.</summary>
        public Dictionary<DateOnly, long>? Days;

        /// <summary>Bumped whenever a flush takes, stores or restores deltas.</summary>
        public long Version;

        public Task? Loading;

        public DateTimeOffset LastCounted;

        public bool Removed;
    }
}
