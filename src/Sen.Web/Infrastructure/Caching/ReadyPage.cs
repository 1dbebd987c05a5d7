using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Primitives;
using Sen.Web.Features.ViewCounts;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// A rendered public page as <see cref="ReadyPageFastPath"/> serves it: the response headers and the
/// body, either as sent (home and category pages, already compressed for one encoding) or, for an
/// article page, uncompressed with its <see cref="ViewCountMarker"/> located once, so the live count
/// can be spliced in. Stored in the output cache's store as bytes (<see cref="ToBytes"/>), so every
/// node that shares the store sees the same entry and the same evictions.
/// </summary>
public sealed class ReadyPage
{
    private const byte FormatVersion = 2;

    // The in-memory store hands back the same array on every hit, so the parsed page is kept with it.
    private static readonly ConditionalWeakTable<byte[], ReadyPage> Parsed = [];

    private GzipSplice? gzip;

    private ReadyPage(KeyValuePair<string, StringValues>[] headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    public IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>True for an article page: the body holds a view count marker at <see cref="MarkerStart"/>.</summary>
    public bool HasLiveCount { get; private init; }

    public int MarkerStart { get; private init; }

    public int MarkerLength { get; private init; }

    public int ArticleId { get; private init; }

    /// <summary>The article's stored count when the page was rendered, for when the counter cannot say.</summary>
    public long StoredAtRender { get; private init; }

    public ReadOnlySpan<byte> BeforeCount => Body.Span[..MarkerStart];

    public ReadOnlySpan<byte> AfterCount => Body.Span[(MarkerStart + MarkerLength)..];

    /// <summary>
    /// The gzip halves around the count. Kept with the page, and shared through <paramref name="splices"/>
    /// by copies of the same page read again from a store that hands out new arrays (Redis), so a page
    /// is compressed once per version, not per view.
    /// </summary>
    public GzipSplice GzipFrom(GzipSplices splices)
    {
        ArgumentNullException.ThrowIfNull(splices);
        return gzip ??= splices.For(ArticleId, BeforeCount, AfterCount);
    }

    /// <summary>Headers are name/value pairs of UTF-8 strings; the body follows them.</summary>
    public static byte[] ToBytes(IEnumerable<KeyValuePair<string, StringValues>> headers, ReadOnlySpan<byte> body, bool liveCount)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var buffer = new MemoryStream(body.Length + 1024);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var pairs = headers.SelectMany(h => h.Value.Select(v => (h.Key, Value: v ?? ""))).ToList();
            writer.Write(FormatVersion);
            writer.Write(liveCount);
            writer.Write(pairs.Count);
            foreach (var (name, value) in pairs)
            {
                writer.Write(name);
                writer.Write(value);
            }

            writer.Write(body.Length);
            writer.Write(body);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an entry; false when the bytes are not one (another version's, or damaged), or a live-count page has no marker.</summary>
    public static bool TryRead(byte[] bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReadyPage? page)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (Parsed.TryGetValue(bytes, out page))
        {
            return true;
        }

        page = Parse(bytes);
        if (page is null)
        {
            return false;
        }

        Parsed.AddOrUpdate(bytes, page);
        return true;
    }

    private static ReadyPage? Parse(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion)
            {
                return null;
            }

            var liveCount = reader.ReadBoolean();
            var count = reader.ReadInt32();
            if (count is < 0 or > 1000)
            {
                return null;
            }

            var values = new List<(string Name, string Value)>(count);
            for (var i = 0; i < count; i++)
            {
                values.Add((reader.ReadString(), reader.ReadString()));
            }

            var headers = values
                .GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => KeyValuePair.Create(g.Key, new StringValues(g.Select(v => v.Value).ToArray())))
                .ToArray();
            var length = reader.ReadInt32();
            var start = (int)reader.BaseStream.Position;
            if (length < 0 || length != bytes.Length - start)
            {
                return null;
            }

            var body = bytes.AsMemory(start, length);
            if (!liveCount)
            {
                return new ReadyPage(headers, body);
            }

            return ViewCountMarker.TryFind(body.Span, out var markerStart, out var markerLength, out var articleId, out var stored)
                ? new ReadyPage(headers, body)
                {
                    HasLiveCount = true,
                    MarkerStart = markerStart,
                    MarkerLength = markerLength,
                    ArticleId = articleId,
                    StoredAtRender = stored,
                }
                : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IOException)
        {
            return null;
        }
    }
}
