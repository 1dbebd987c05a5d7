using System.Buffers;
using System.IO.Compression;

namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// A page compressed once as two gzip halves around the view count, so the count can be put into the
/// compressed page without compressing it again: the deflate data of the text before the count (ended
/// with a sync flush, so it stops on a byte boundary), a stored (uncompressed) deflate block holding
/// the count, and the deflate data of the text after it. The halves are compressed separately, so no
/// back-reference crosses the count. The gzip trailer's CRC-32 is combined from the halves' CRCs.
/// </summary>
/// <remarks>Article pages prefer gzip: the whole page at the optimal level. Brotli-only readers get <see cref="BrotliSplice"/>.</remarks>
public sealed class GzipSplice
{
    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    private readonly byte[] before;
    private readonly byte[] after;
    private readonly byte[] deflatedBefore;
    private readonly byte[] deflatedAfter;
    private readonly uint crcBefore;
    private readonly uint crcAfter;
    private readonly uint[] shiftOverAfter;

    public GzipSplice(ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
    {
        this.before = before.ToArray();
        this.after = after.ToArray();
        deflatedBefore = Deflate(before, final: false);
        deflatedAfter = Deflate(after, final: true);
        crcBefore = Crc32.Append(0, before);
        crcAfter = Crc32.Append(0, after);
        shiftOverAfter = Crc32.ShiftOperator(after.Length);
    }

    /// <summary>True when this splice was made from exactly these two halves.</summary>
    public bool Matches(ReadOnlySpan<byte> before, ReadOnlySpan<byte> after) =>
        before.SequenceEqual(this.before) && after.SequenceEqual(this.after);

    public int CompressedLength(int insertLength) =>
        Header.Length + deflatedBefore.Length + 5 + insertLength + deflatedAfter.Length + 8;

    /// <summary>Writes the whole gzip stream of before + <paramref name="insert"/> + after into a buffer (a response pipe), for one flush.</summary>
    public void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> insert)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (insert.Length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(insert), "A stored deflate block holds at most 65535 bytes.");
        }

        var crcWithInsert = Crc32.Append(crcBefore, insert);
        var crc = Crc32.Apply(shiftOverAfter, crcWithInsert) ^ crcAfter;
        var length = (uint)(before.Length + insert.Length + after.Length);

        Span<byte> stored = [0, (byte)insert.Length, (byte)(insert.Length >> 8), (byte)~insert.Length, (byte)(~insert.Length >> 8)];
        Span<byte> trailer = stackalloc byte[8];
        BitConverterLittleEndian(trailer[..4], crc);
        BitConverterLittleEndian(trailer[4..], length);

        output.Write(Header);
        output.Write(deflatedBefore);
        output.Write(stored);
        output.Write(insert);
        output.Write(deflatedAfter);
        output.Write(trailer);
    }

    private static void BitConverterLittleEndian(Span<byte> target, uint value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(target, value);

    private static byte[] Deflate(ReadOnlySpan<byte> data, bool final)
    {
        if (data.IsEmpty)
        {
            // DeflateStream writes nothing for no input; an empty final block (fixed Huffman, end code) ends the stream.
            return final ? [0x03, 0x00] : [];
        }

        using var output = new MemoryStream();
        var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true);
        deflate.Write(data);
        if (final)
        {
            deflate.Dispose();
            return output.ToArray();
        }

        // A sync flush ends the data on a byte boundary without a final block; what Dispose adds after it is dropped.
        deflate.Flush();
        var flushed = output.ToArray();
        deflate.Dispose();
        return flushed;
    }

    /// <summary>CRC-32 (IEEE, as gzip uses it), with zlib's crc32_combine for joining halves.</summary>
    internal static class Crc32
    {
        private const uint Polynomial = 0xEDB88320;

        private static readonly uint[] Table = CreateTable();

        /// <summary>The CRC of the data before plus <paramref name="data"/>, given the CRC of the data before (0 for none).</summary>
        public static uint Append(uint crc, ReadOnlySpan<byte> data)
        {
            var c = ~crc;
            foreach (var b in data)
            {
                c = Table[(c ^ b) & 0xff] ^ (c >> 8);
            }

            return ~c;
        }

        /// <summary>The linear operator that turns crc(A) into the part of crc(A + B) owed to A, for |B| = <paramref name="length"/>.</summary>
        public static uint[] ShiftOperator(long length)
        {
            var op = new uint[32];
            for (var i = 0; i < 32; i++)
            {
                op[i] = Shift(1u << i, length);
            }

            return op;
        }

        public static uint Apply(uint[] matrix, uint vector)
        {
            uint sum = 0;
            for (var i = 0; vector != 0; i++, vector >>= 1)
            {
                if ((vector & 1) != 0)
                {
                    sum ^= matrix[i];
                }
            }

            return sum;
        }

        // zlib's crc32_combine without the final "^ crc2": crc1 advanced over length zero bytes.
        private static uint Shift(uint crc, long length)
        {
            if (length <= 0)
            {
                return crc;
            }

            var even = new uint[32];
            var odd = new uint[32];
            odd[0] = Polynomial;
            uint row = 1;
            for (var n = 1; n < 32; n++)
            {
                odd[n] = row;
                row <<= 1;
            }

            Square(even, odd);
            Square(odd, even);
            do
            {
                Square(even, odd);
                if ((length & 1) != 0)
                {
                    crc = Apply(even, crc);
                }

                length >>= 1;
                if (length == 0)
                {
                    break;
                }

                Square(odd, even);
                if ((length & 1) != 0)
                {
                    crc = Apply(odd, crc);
                }

                length >>= 1;
            }
            while (length != 0);
            return crc;
        }

        private static void Square(uint[] square, uint[] matrix)
        {
            for (var n = 0; n < 32; n++)
            {
                square[n] = Apply(matrix, matrix[n]);
            }
        }

        private static uint[] CreateTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
