using System.Collections.Concurrent;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// The Brotli splices of recently served article pages (<see cref="BrotliSplice"/>), as
/// <see cref="GzipSplices"/> keeps the gzip ones: a view of a cached page by a Brotli-only reader costs
/// no compression. Each is checked against the bytes the output cache served (an edit makes new bytes,
/// so a new splice).
/// </summary>
public sealed class BrotliSplices
{
    // Pages seldom read by Brotli-only clients: fewer than gzip's, and the same start-over rule.
    private const int MaxPages = 500;

    private readonly ConcurrentDictionary<int, Entry> pages = new();
    private long compressions;

    /// <summary>How many times a page was compressed for Brotli since the start (a splice made, or found unusable).</summary>
    public long Compressions => Interlocked.Read(ref compressions);

    /// <summary>The splice of this page, or null when the encoder's output could not be spliced (the page is then sent uncompressed).</summary>
    public BrotliSplice? For(int articleId, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
    {
        if (pages.TryGetValue(articleId, out var entry) && entry.Matches(before, after))
        {
            return entry.Splice;
        }

        Interlocked.Increment(ref compressions);
        entry = new Entry(before.ToArray(), after.ToArray(), BrotliSplice.TryCreate(before, after));
        if (pages.Count >= MaxPages)
        {
            pages.Clear();
        }

        pages[articleId] = entry;
        return entry.Splice;
    }

    // The halves are kept with a failed splice too, so a page that cannot be spliced is not compressed again on every view.
    private sealed record Entry(byte[] Before, byte[] After, BrotliSplice? Splice)
    {
        public bool Matches(ReadOnlySpan<byte> before, ReadOnlySpan<byte> after) =>
            before.SequenceEqual(Before) && after.SequenceEqual(After);
    }
}
