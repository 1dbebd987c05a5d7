using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Sen.Web.Infrastructure.Caching;

/// <summary>
/// A rendered public page as <see cref="ReadyPageFastPath"/> serves it: the response headers and the
/// body, either as sent (home and category pages, already compressed for one encoding) or, for a live
/// page (<see cref="ILivePageMetadata"/>), uncompressed with its live region located once, so the
/// region can be filled per request. Stored in the output cache's store as bytes (<see cref="ToBytes"/>),
/// so every node that shares the store sees the same entry and the same evictions.
/// </summary>
public sealed class ReadyPage
{
    private const byte FormatVersion = 2;

    // The in-memory store hands back the same array on every hit, so the parsed page is kept with it.
    private static readonly ConditionalWeakTable<byte[], ReadyPage> Parsed = [];

    private ReadyPage(KeyValuePair<string, StringValues>[] headers, ReadOnlyMemory<byte> body, ILiveRegion? liveRegion)
    {
        Headers = headers;
        Body = body;
        LiveRegion = liveRegion;
    }

    public IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The live region of a live page; null for a page kept as sent.</summary>
    public ILiveRegion? LiveRegion { get; }

    /// <summary>Headers are name/value pairs of UTF-8 strings; the body follows them.</summary>
    public static byte[] ToBytes(IEnumerable<KeyValuePair<string, StringValues>> headers, ReadOnlySpan<byte> body, bool live)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var buffer = new MemoryStream(body.Length + 1024);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var pairs = headers.SelectMany(h => h.Value.Select(v => (h.Key, Value: v ?? ""))).ToList();
            writer.Write(FormatVersion);
            writer.Write(live);
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

    /// <summary>Reads an entry; false when the bytes are not one (another version's, or damaged), or a live page has no live region.</summary>
    public static bool TryRead(byte[] bytes, ILivePages livePages, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReadyPage? page)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(livePages);
        if (Parsed.TryGetValue(bytes, out page))
        {
            return true;
        }

        page = Parse(bytes, livePages);
        if (page is null)
        {
            return false;
        }

        Parsed.AddOrUpdate(bytes, page);
        return true;
    }

    private static ReadyPage? Parse(byte[] bytes, ILivePages livePages)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion)
            {
                return null;
            }

            var live = reader.ReadBoolean();
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
            if (!live)
            {
                return new ReadyPage(headers, body, liveRegion: null);
            }

            return livePages.Find(body) is { } region ? new ReadyPage(headers, body, region) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IOException)
        {
            return null;
        }
    }
}
