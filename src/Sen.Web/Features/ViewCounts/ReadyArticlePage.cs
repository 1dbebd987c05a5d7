using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// A rendered article page as <see cref="ArticleFastPath"/> serves it: the response headers and the page
/// with its <see cref="ViewCountMarker"/>, located once. Stored in the output cache's store as bytes
/// (<see cref="ToBytes"/>), so every node that shares the store sees the same entry and evictions.
/// </summary>
public sealed class ReadyArticlePage
{
    private const byte FormatVersion = 1;

    // The in-memory store hands back the same array on every hit, so the parsed page is kept with it.
    private static readonly ConditionalWeakTable<byte[], ReadyArticlePage> Parsed = [];

    private GzipSplice? gzip;

    private ReadyArticlePage(KeyValuePair<string, StringValues>[] headers, ReadOnlyMemory<byte> page, int markerStart, int markerLength, int articleId, long storedAtRender)
    {
        Headers = headers;
        Page = page;
        MarkerStart = markerStart;
        MarkerLength = markerLength;
        ArticleId = articleId;
        StoredAtRender = storedAtRender;
    }

    public IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; }

    public ReadOnlyMemory<byte> Page { get; }

    public int MarkerStart { get; }

    public int MarkerLength { get; }

    public int ArticleId { get; }

    /// <summary>The article's stored count when the page was rendered, for when the counter cannot say.</summary>
    public long StoredAtRender { get; }

    public ReadOnlySpan<byte> BeforeCount => Page.Span[..MarkerStart];

    public ReadOnlySpan<byte> AfterCount => Page.Span[(MarkerStart + MarkerLength)..];

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

    /// <summary>Headers are name/value pairs of UTF-8 strings; the page follows them.</summary>
    public static byte[] ToBytes(IEnumerable<KeyValuePair<string, StringValues>> headers, ReadOnlySpan<byte> page)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var buffer = new MemoryStream(page.Length + 1024);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var pairs = headers.SelectMany(h => h.Value.Select(v => (h.Key, Value: v ?? ""))).ToList();
            writer.Write(FormatVersion);
            writer.Write(pairs.Count);
            foreach (var (name, value) in pairs)
            {
                writer.Write(name);
                writer.Write(value);
            }

            writer.Write(page.Length);
            writer.Write(page);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an entry; false when the bytes are not one (another version's, or damaged) or have no marker.</summary>
    public static bool TryRead(byte[] bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReadyArticlePage? page)
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

    private static ReadyArticlePage? Parse(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion)
            {
                return null;
            }

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
            return ViewCountMarker.TryFind(body.Span, out var markerStart, out var markerLength, out var articleId, out var stored)
                ? new ReadyArticlePage(headers, body, markerStart, markerLength, articleId, stored)
                : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IOException)
        {
            return null;
        }
    }
}
