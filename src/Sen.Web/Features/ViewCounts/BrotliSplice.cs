using System.Buffers;
using System.IO.Compression;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// A page compressed once as Brotli around the view count, so a reader whose browser takes only Brotli
/// costs no compression per view either (<see cref="GzipSplice"/> does the same for gzip). The stream is
/// three parts (RFC 7932):
/// <list type="number">
/// <item>the text before the count, compressed and flushed (the encoder ends the data on a byte
/// boundary without a last meta-block);</item>
/// <item>the count as an uncompressed meta-block (3 header bytes, then the digits), written per view;</item>
/// <item>the text after the count as the meta-blocks of a stream of its own, without that stream's
/// window-size header, shifted by the header's bits so they start on the byte boundary after the count.</item>
/// </list>
/// </summary>
/// <remarks>
/// The third part is valid wherever it is put only if it refers to nothing before it: it is compressed at
/// quality 1, whose one-pass encoder uses no context modelling (literals do not depend on the bytes
/// before them), no static dictionary (whose distances would depend on the position in the whole stream)
/// and no distance cache except a repeat of its own last distance. The first part may use any quality.
/// Every splice is checked when it is made: decompressed with two counts of different lengths, it must
/// give the page; a splice that does not is not used (<see cref="TryCreate"/> returns null) and the page
/// is sent uncompressed.
/// </remarks>
public sealed class BrotliSplice
{
    private const int Window = 22;

    // Once per page version: the text before the count gets the better compression.
    private const int BeforeQuality = 6;

    // See the remarks: the only quality whose output may follow other data (quality 0 would do too).
    private const int AfterQuality = 1;

    private const int UncompressedHeaderLength = 3;

    private readonly byte[] compressedBefore;
    private readonly byte[] compressedAfter;

    private BrotliSplice(byte[] compressedBefore, byte[] compressedAfter)
    {
        this.compressedBefore = compressedBefore;
        this.compressedAfter = compressedAfter;
    }

    /// <summary>The splice of the two halves, or null when the encoder's output cannot be spliced (it is checked).</summary>
    public static BrotliSplice? TryCreate(ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
    {
        var head = Compress(before, BeforeQuality, final: false);
        var tail = Compress(after, AfterQuality, final: true);
        if (head is null || tail is null || WithoutStreamHeader(tail) is not { } meta)
        {
            return null;
        }

        var splice = new BrotliSplice(head, meta);

        // The shift leaves the last byte holding only padding in some streams: the decoder says where the stream ends.
        var used = splice.Check(before, "0"u8, after);
        if (used < 0)
        {
            return null;
        }

        var end = used - (head.Length + UncompressedHeaderLength + 1);
        if (end <= 0 || end > meta.Length)
        {
            return null;
        }

        splice = new BrotliSplice(head, meta[..end]);
        return splice.Check(before, "0"u8, after) >= 0 && splice.Check(before, "1.234.567.890"u8, after) >= 0 ? splice : null;
    }

    public int CompressedLength(int insertLength) =>
        compressedBefore.Length + (insertLength > 0 ? UncompressedHeaderLength + insertLength : 0) + compressedAfter.Length;

    /// <summary>Writes the whole Brotli stream of before + <paramref name="insert"/> + after into a buffer (a response pipe), for one flush.</summary>
    public void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> insert)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(compressedBefore);
        if (!insert.IsEmpty)
        {
            if (insert.Length > ushort.MaxValue + 1)
            {
                throw new ArgumentOutOfRangeException(nameof(insert), "An uncompressed meta-block of four nibbles holds at most 65536 bytes.");
            }

            // ISLAST 0, MNIBBLES 4 (code 0), MLEN - 1 in 16 bits, ISUNCOMPRESSED 1, then zero bits to the byte boundary.
            var header = ((uint)(insert.Length - 1) << 3) | (1u << 19);
            output.Write([(byte)header, (byte)(header >> 8), (byte)(header >> 16)]);
            output.Write(insert);
        }

        output.Write(compressedAfter);
    }

    // Decompresses the splice with the insert; the number of bytes the decoder used when it gave exactly the page, else -1.
    private int Check(ReadOnlySpan<byte> before, ReadOnlySpan<byte> insert, ReadOnlySpan<byte> after)
    {
        var output = new ArrayBufferWriter<byte>(CompressedLength(insert.Length));
        Write(output, insert);
        var expected = new byte[before.Length + insert.Length + after.Length];
        before.CopyTo(expected);
        insert.CopyTo(expected.AsSpan(before.Length));
        after.CopyTo(expected.AsSpan(before.Length + insert.Length));

        var plain = new byte[expected.Length + 1];
        using var decoder = new BrotliDecoder();
        var status = decoder.Decompress(output.WrittenSpan, plain, out var consumed, out var written);
        return status == OperationStatus.Done && plain.AsSpan(0, written).SequenceEqual(expected) ? consumed : -1;
    }

    private static byte[]? Compress(ReadOnlySpan<byte> data, int quality, bool final)
    {
        using var encoder = new BrotliEncoder(quality, Window);
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length) + 64];
        var status = encoder.Compress(data, output, out var consumed, out var written, isFinalBlock: final);
        if (status != OperationStatus.Done || consumed != data.Length)
        {
            return null;
        }

        var total = written;
        if (!final)
        {
            if (encoder.Flush(output.AsSpan(total), out written) != OperationStatus.Done)
            {
                return null;
            }

            total += written;
        }

        return output[..total];
    }

    // The stream's meta-blocks without its window-size header (1, 4 or 7 bits, RFC 7932 section 9.1), shifted to start on a byte.
    private static byte[]? WithoutStreamHeader(byte[] stream)
    {
        if (stream.Length == 0)
        {
            return null;
        }

        var first = stream[0];
        var bits = (first & 1) == 0 ? 1 : ((first >> 1) & 7) != 0 ? 4 : 7;
        if (bits == 7 && ((first >> 4) & 7) == 1)
        {
            return null; // large-window Brotli, never asked for
        }

        var shifted = new byte[stream.Length];
        for (var i = 0; i < stream.Length; i++)
        {
            var next = i + 1 < stream.Length ? stream[i + 1] : 0;
            shifted[i] = (byte)((stream[i] >> bits) | (next << (8 - bits)));
        }

        return shifted;
    }
}
