using System.Collections.Concurrent;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// The gzip halves of recently served article pages, so a view of a cached page costs no compression.
/// Each is checked against the bytes the output cache served (an edit makes new bytes, so a new splice).
/// </summary>
public sealed class GzipSplices
{
    // At ~25 KB an entry (raw halves kept for the check, plus compressed ones), about 25 MB at most;
    // when full it starts over rather than tracking use, and the hot pages come back on their next view.
    private const int MaxPages = 1000;

    private readonly ConcurrentDictionary<int, GzipSplice> pages = new();

    public GzipSplice For(int articleId, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
    {
        if (pages.TryGetValue(articleId, out var splice) && splice.Matches(before, after))
        {
            return splice;
        }

        splice = new GzipSplice(before, after);
        if (pages.Count >= MaxPages)
        {
            pages.Clear();
        }

        pages[articleId] = splice;
        return splice;
    }
}
