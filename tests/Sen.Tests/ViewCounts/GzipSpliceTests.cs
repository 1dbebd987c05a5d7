using System.Buffers;
using System.IO.Compression;
using System.Text;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

public sealed class GzipSpliceTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(300, 20)]
    [InlineData(20_000, 15_000)]
    [InlineData(70_000, 5)]
    public async Task A_spliced_page_decompresses_to_the_page_with_the_insert(int beforeLength, int afterLength)
    {
        var random = new Random(beforeLength * 31 + afterLength);
        var before = Page(random, beforeLength);
        var after = Page(random, afterLength);
        var splice = new GzipSplice(before, after);
        Assert.True(splice.Matches(before, after));
        Assert.False(splice.Matches(before, [.. after, (byte)'x']));

        foreach (var insert in new[] { "0", "145", "1.234.567", "" })
        {
            var bytes = Encoding.UTF8.GetBytes(insert);
            var output = new ArrayBufferWriter<byte>();
            splice.Write(output, bytes);
            Assert.Equal(splice.CompressedLength(bytes.Length), output.WrittenCount);

            await using var gzip = new GZipStream(new MemoryStream(output.WrittenSpan.ToArray()), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain, TestContext.Current.CancellationToken);
            Assert.Equal([.. before, .. bytes, .. after], plain.ToArray());
        }
    }

    // HTML-like text: compressible, with repeats a back-reference could wrongly reach across the seam.
    private static byte[] Page(Random random, int length)
    {
        var words = new[] { "<p>", "Lượt xem", "Quế Sơn", "</p>\n", "class=\"view-count\"", " ", "Đảng", "1234567890" };
        var text = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(text.ToString()) < length)
        {
            text.Append(words[random.Next(words.Length)]);
        }

        return Encoding.UTF8.GetBytes(text.ToString())[..length];
    }
}
