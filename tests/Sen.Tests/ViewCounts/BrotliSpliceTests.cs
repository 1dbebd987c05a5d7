using System.Buffers;
using System.IO.Compression;
using System.Text;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

public sealed class BrotliSpliceTests
{
    [Theory]
    [InlineData(1, 2_000)]
    [InlineData(300, 4_000)]
    [InlineData(5_000, 9_000)]
    [InlineData(20_000, 15_000)]
    [InlineData(70_000, 3_000)]
    [InlineData(3, 90_000)]
    public async Task A_spliced_page_decompresses_to_the_page_with_the_insert(int beforeLength, int afterLength)
    {
        var random = new Random(beforeLength * 31 + afterLength);
        var before = Page(random, beforeLength);
        var after = Page(random, afterLength);
        var splice = BrotliSplice.TryCreate(before, after);
        Assert.NotNull(splice);

        foreach (var insert in new[] { "0", "7", "145", "1.234.567", "9.223.372.036.854.775.807", "" })
        {
            var bytes = Encoding.UTF8.GetBytes(insert);
            var output = new ArrayBufferWriter<byte>();
            splice.Write(output, bytes);
            Assert.Equal(splice.CompressedLength(bytes.Length), output.WrittenCount);
            var plain = await DecompressAsync(output.WrittenSpan.ToArray());
            byte[] expected = [.. before, .. bytes, .. after];
            Assert.Equal(expected, plain);
        }
    }

    [Fact]
    public async Task The_splice_is_a_whole_stream_smaller_than_the_page()
    {
        var random = new Random(7);
        var before = Page(random, 6_000);
        var after = Page(random, 12_000);
        var splice = BrotliSplice.TryCreate(before, after);
        Assert.NotNull(splice);
        var output = new ArrayBufferWriter<byte>();
        var insert = "12.345"u8.ToArray();
        splice.Write(output, insert);
        var compressed = output.WrittenSpan.ToArray();
        Assert.True(compressed.Length < (before.Length + after.Length) / 3, $"{compressed.Length} bytes");

        // Nothing after the last meta-block: a byte more and the stream is no longer exactly one stream.
        Assert.Equal(compressed.Length, DecoderConsumed(compressed, before.Length + after.Length + 100));
        var plain = await DecompressAsync(compressed);
        byte[] expected = [.. before, .. insert, .. after];
        Assert.Equal(expected, plain);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(60)]
    [InlineData(3_000)]
    public async Task A_tail_the_encoder_stores_uncompressed_is_never_spliced_wrong(int afterLength)
    {
        // Random bytes (or a few) are stored as an uncompressed meta-block, which starts on a byte
        // boundary of its own stream and so cannot be shifted: the check must refuse it, or it must decode.
        var random = new Random(afterLength);
        var before = Page(random, 2_000);
        var after = new byte[afterLength];
        random.NextBytes(after);
        var splice = BrotliSplice.TryCreate(before, after);
        if (splice is not null)
        {
            var output = new ArrayBufferWriter<byte>();
            splice.Write(output, "42"u8);
            var plain = await DecompressAsync(output.WrittenSpan.ToArray());
            byte[] expected = [.. before, .. "42"u8, .. after];
            Assert.Equal(expected, plain);
        }
    }

    [Fact]
    public void Pages_are_compressed_once_per_version()
    {
        var splices = new BrotliSplices();
        var random = new Random(3);
        var before = Page(random, 3_000);
        var after = Page(random, 8_000);
        var first = splices.For(1, before, after);
        Assert.NotNull(first);
        Assert.Same(first, splices.For(1, before, after));
        Assert.Equal(1, splices.Compressions);

        var edited = splices.For(1, before, [.. after, .. "<p>Sửa.</p>"u8]);
        Assert.NotNull(edited);
        Assert.NotSame(first, edited);
        Assert.Equal(2, splices.Compressions);
    }

    private static int DecoderConsumed(byte[] compressed, int room)
    {
        using var decoder = new BrotliDecoder();
        var status = decoder.Decompress(compressed, new byte[room], out var consumed, out _);
        Assert.Equal(OperationStatus.Done, status);
        return consumed;
    }

    private static async Task<byte[]> DecompressAsync(byte[] compressed)
    {
        await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await brotli.CopyToAsync(plain, TestContext.Current.CancellationToken);
        return plain.ToArray();
    }

    // HTML-like text: compressible, with repeats a back-reference could wrongly reach across the seam.
    private static byte[] Page(Random random, int length)
    {
        var words = new[] { "<p>", "Lượt xem", "Quế Sơn", "</p>\n", "class=\"view-count\"", " ", "Đảng", "1234567890", "<a href=\"/tin-co-so/", "\">" };
        var text = new List<byte>(length + 32);
        while (text.Count < length)
        {
            text.AddRange(Encoding.UTF8.GetBytes(words[random.Next(words.Length)]));
        }

        return [.. text.Take(length)];
    }
}
