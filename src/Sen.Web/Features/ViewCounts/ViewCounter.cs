using System.Collections.Concurrent;
using Sen.Web.Features.Operations;
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
/// stored totals. A view of an article whose total is known and fresh takes no lock: two
/// <see cref="Interlocked"/> increments, one on the pending views of the day (<see cref="Bucket"/>),
/// one on the number shown. Everything else (loading the total, a flush taking or putting back deltas,
/// a new day, dropping an idle entry) happens under the entry's lock. A flush takes a day's views by
/// swapping in a fresh bucket and sealing the old one with an atomic exchange: a view that lands on a
/// sealed bucket sees the seal in its increment's result and counts again on the fresh one, so no
/// view is lost or taken twice.
/// </remarks>
public sealed class ViewCounter(IViewCountSink sink, TimeProvider clock, ILogger<ViewCounter> logger) : IDisposable
{
    /// <summary>How long a stored total read from the database is trusted before it is read again, for views other nodes stored.</summary>
    public static readonly TimeSpan StoredLifetime = TimeSpan.FromSeconds(10);

    // Entries of articles nobody read for this long are dropped, so the dictionary does not grow with the archive.
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, Entry> entries = new();
    private readonly SemaphoreSlim flushGate = new(1, 1);

    /// <summary>
    /// After each flush that stored views: the articles' totals in the database as the flush read them back
    /// (every node's stored views). Other nodes take them through <see cref="ObserveStored"/> (<see cref="ViewCountPeers"/>).
    /// </summary>
    public event Action<IReadOnlyDictionary<int, long>>? Stored;

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
                    sum += entry.PendingUnderLock() + entry.InFlight;
                }
            }

            return sum;
        }
    }

    /// <summary>
    /// Counts one view of the article when <paramref name="countThis"/> is true, and returns the count to
    /// show (stored + unflushed, this view included), or null when the stored total cannot be read.
    /// </summary>
    public ValueTask<long?> CountAsync(int articleId, bool countThis, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(articleId, out var entry)
            && Volatile.Read(ref entry.Stored) >= 0
            && now.UtcTicks - Volatile.Read(ref entry.StoredAtTicks) <= StoredLifetime.Ticks)
        {
            if (!countThis)
            {
                return new ValueTask<long?>(Volatile.Read(ref entry.Shown));
            }

            var day = DateOnly.FromDateTime(VietnamTime.ToLocal(now.UtcDateTime));
            var bucket = Volatile.Read(ref entry.Current);
            if (bucket.Day == day && bucket.TryAdd(1))
            {
                entry.Touch(now);
                return new ValueTask<long?>(Interlocked.Increment(ref entry.Shown));
            }
        }

        return CountSlowAsync(articleId, countThis, cancellationToken);
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
                SenMetrics.ViewFlushFailures.Add(1);
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
                        entry.SetStored(total, alsoStored: delta.Views);
                        Volatile.Write(ref entry.StoredAtTicks, now.UtcTicks);
                        stored += delta.Views;
                    }

                    if (entry.InFlight == 0)
                    {
                        entry.TakeObservedUnderLock();
                    }
                }
            }

            SenMetrics.ViewsFlushed.Add(stored);
            if (totals.Count > 0)
            {
                Stored?.Invoke(totals);
            }

            return stored;
        }
        finally
        {
            flushGate.Release();
        }
    }

    /// <summary>
    /// Totals another node read from the database after its flush: an article this node shows takes the
    /// newer total at once instead of after <see cref="StoredLifetime"/>. Stored totals only grow, so a larger
    /// one was read after this node's last own flush and includes its views; while this node has a flush of
    /// the article in flight, that flush's own answer is awaited instead (the total may or may not include it).
    /// Off the hot path: a lock per article this node has, none for the others.
    /// </summary>
    public void ObserveStored(IReadOnlyDictionary<int, long> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        foreach (var (articleId, total) in totals)
        {
            if (!entries.TryGetValue(articleId, out var entry))
            {
                continue;
            }

            lock (entry)
            {
                if (entry.Removed || entry.Stored < 0 || total <= entry.Stored)
                {
                    continue;
                }

                // Whether the total includes this node's flush in flight is known once that flush is answered.
                entry.Observed = Math.Max(entry.Observed, total);
                if (entry.InFlight == 0)
                {
                    entry.TakeObservedUnderLock();
                }
            }
        }
    }

    public void Dispose() => flushGate.Dispose();

    private async ValueTask<long?> CountSlowAsync(int articleId, bool countThis, CancellationToken cancellationToken)
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

                if (entry.Loading is null && (entry.Stored < 0 || now.UtcTicks - entry.StoredAtTicks > StoredLifetime.Ticks))
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
                    // Under the lock no flush can seal these buckets, so the add always lands.
                    entry.AddUnderLock(DateOnly.FromDateTime(VietnamTime.ToLocal(now.UtcDateTime)), 1);
                    entry.Touch(now);
                    return entry.Stored < 0 ? null : Interlocked.Increment(ref entry.Shown);
                }

                return entry.Stored < 0 ? null : Volatile.Read(ref entry.Shown);
            }
        }
    }

    private List<(Entry Entry, ViewDelta Delta)> Take()
    {
        var now = clock.GetUtcNow();
        var batch = new List<(Entry, ViewDelta)>();
        foreach (var (articleId, entry) in entries)
        {
            lock (entry)
            {
                if (entry.PendingUnderLock() == 0)
                {
                    if (entry.InFlight == 0 && entry.Loading is null
                        && now.UtcTicks - Volatile.Read(ref entry.LastCountedTicks) > IdleLifetime.Ticks
                        && now.UtcTicks - entry.StoredAtTicks > IdleLifetime.Ticks
                        && entry.TrySealEmpty())
                    {
                        entry.Removed = true;
                        entries.TryRemove(new KeyValuePair<int, Entry>(articleId, entry));
                    }

                    continue;
                }

                var days = entry.TakeUnderLock();
                var views = days.Sum(d => d.Views);
                if (views == 0)
                {
                    continue;
                }

                batch.Add((entry, new ViewDelta(articleId, views, days)));
                entry.InFlight += views;
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
                foreach (var day in delta.Days)
                {
                    entry.AddUnderLock(day.Day, day.Views);
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
                entry.SetStored(value, alsoStored: 0);
                entry.TakeObservedUnderLock();
            }

            Volatile.Write(ref entry.StoredAtTicks, clock.GetUtcNow().UtcTicks);
            entry.Loading = null;
        }

        done.SetResult();
    }

    /// <summary>Pending views of one Vietnam day. Sealed by a flush (or an entry's removal) once taken.</summary>
    private sealed class Bucket(DateOnly day, Bucket? previous)
    {
        // Far above any real count; an increment's result at or above it shows the bucket was sealed.
        private const long Sealed = 1L << 62;

        private long count;

        public DateOnly Day { get; } = day;

        /// <summary>Older days still pending (views counted around midnight); newest first.</summary>
        public Bucket? Previous { get; set; } = previous;

        public long Count => Volatile.Read(ref count) is var c && c >= Sealed ? 0 : c;

        public bool TryAdd(long views) => Interlocked.Add(ref count, views) < Sealed;

        /// <summary>Takes the views and seals the bucket: later adds fail and go to the entry's new bucket.</summary>
        public long Seal() => Interlocked.Exchange(ref count, Sealed);

        public bool TrySealEmpty() => Interlocked.CompareExchange(ref count, Sealed, 0) == 0;
    }

    private sealed class Entry
    {
        /// <summary>The article's total in the database as last seen; -1 when not known yet.</summary>
        public long Stored = -1;

        public long StoredAtTicks;

        /// <summary>
        /// Stored + InFlight + pending views: the number the last view was shown. Kept by itself so a view
        /// takes its number with one increment; valid once <see cref="Stored"/> is known.
        /// </summary>
        public long Shown;

        /// <summary>Where views are counted now; older buckets hang off it (<see cref="Bucket.Previous"/>).</summary>
        public Bucket Current = new(DateOnly.MinValue, null);

        /// <summary>Taken by the flush in progress, not yet known to be stored.</summary>
        public long InFlight;

        /// <summary>Bumped whenever a flush takes, stores or restores deltas.</summary>
        public long Version;

        /// <summary>The largest total another node reported (<see cref="ObserveStored"/>); -1 when none.</summary>
        public long Observed = -1;

        public Task? Loading;

        public long LastCountedTicks;

        public bool Removed;

        // Every view would otherwise write the shared time; a second's precision is plenty for idleness.
        public void Touch(DateTimeOffset now)
        {
            var ticks = now.UtcTicks;
            if (ticks - Volatile.Read(ref LastCountedTicks) > TimeSpan.TicksPerSecond)
            {
                Volatile.Write(ref LastCountedTicks, ticks);
            }
        }

        /// <summary>
        /// Sets the stored total (under the lock). <paramref name="alsoStored"/> are this node's views the
        /// total newly includes (a flush's deltas), which the shown number already counted.
        /// </summary>
        public void SetStored(long total, long alsoStored)
        {
            if (Stored < 0)
            {
                // No lock-free view happens before Stored is known, so the pending sum is exact here.
                Volatile.Write(ref Shown, total + InFlight + PendingUnderLock());
            }
            else
            {
                Interlocked.Add(ref Shown, total - Stored - alsoStored);
            }

            Volatile.Write(ref Stored, total);
        }

        /// <summary>
        /// With no flush in flight, a reported total larger than the stored one was read after this node's
        /// last flush was stored, so it includes this node's views: it becomes the stored total.
        /// </summary>
        public void TakeObservedUnderLock()
        {
            if (Stored >= 0 && Observed > Stored && InFlight == 0)
            {
                SetStored(Observed, alsoStored: 0);
            }
        }

        public long PendingUnderLock()
        {
            long sum = 0;
            for (var b = Current; b is not null; b = b.Previous)
            {
                sum += b.Count;
            }

            return sum;
        }

        public void AddUnderLock(DateOnly day, long views)
        {
            for (var b = Current; b is not null; b = b.Previous)
            {
                if (b.Day == day)
                {
                    b.TryAdd(views);
                    return;
                }
            }

            // The first bucket is a placeholder nobody counts on (no real day matches it): drop it.
            var bucket = new Bucket(day, Current.Day == DateOnly.MinValue ? null : Current);
            bucket.TryAdd(views);
            Volatile.Write(ref Current, bucket);
        }

        /// <summary>Takes every pending view: a fresh bucket goes in first, then the old ones are sealed.</summary>
        public List<DailyViews> TakeUnderLock()
        {
            var old = Current;
            Volatile.Write(ref Current, new Bucket(old.Day, null));
            var days = new List<DailyViews>();
            for (var b = old; b is not null; b = b.Previous)
            {
                var views = b.Seal();
                if (views > 0)
                {
                    days.Add(new DailyViews(b.Day, views));
                }
            }

            return days;
        }

        public bool TrySealEmpty() => Current.Previous is null && Current.TrySealEmpty();
    }
}
