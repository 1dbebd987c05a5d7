using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sen.Web.Features.Import.WordPress;

namespace Sen.Tests.Import.WordPress;

/// <summary>
/// A 10,000-item export of about 110 MB read through the source: the managed heap stays flat (a document loaded
/// whole would take several times the file). Runs in the normal suite: about 40 s on two busy cores, the bound
/// on time is there to catch work that grows faster than the file, not to benchmark.
/// </summary>
public sealed class WordPressStreamingTests
{
    private const int Posts = 10_000;
    private const long HeapGrowthBound = 64L * 1024 * 1024;

    [Fact]
    [Trait("Category", "Streaming")]
    public async Task A_100_MB_export_is_read_with_a_flat_heap()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sen-wxr-{Guid.NewGuid():N}.xml");
        try
        {
            var size = await WriteExportAsync(path);
            Assert.True(size > 90L * 1024 * 1024, $"the export is {size / 1024 / 1024} MB");

            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = baseline;
            var items = 0;
            var stopwatch = Stopwatch.StartNew();
            var source = new WordPressExportSource(path, null);
            await foreach (var read in source.ReadAsync(TestContext.Current.CancellationToken))
            {
                Assert.NotNull(read.Item);
                if (++items % 2_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                }
            }

            Assert.Equal(Posts, items);
            Assert.Equal(Posts / 10, source.Report.Attachments);
            Assert.True(peak - baseline < HeapGrowthBound, $"the heap grew by {(peak - baseline) / 1024 / 1024} MB while reading");
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(120), $"reading took {stopwatch.Elapsed}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> WriteExportAsync(string path)
    {
        var paragraph = "Sáng ngày 03/10/2019, Ban Thường vụ Huyện ủy tổ chức Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị về tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.";
        var body = string.Join("\n\n", Enumerable.Repeat(paragraph, 36));
        var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <link>https://x.vn</link>
                <wp:author><wp:author_login>an</wp:author_login><wp:author_display_name>Nguyễn Văn An</wp:author_display_name></wp:author>
                <wp:category><wp:category_nicename>tin-tuc</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Tin tức</wp:cat_name></wp:category>

                """);
            for (var i = 1; i <= Posts; i++)
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                await writer.WriteAsync($"""
                    <item><title>Bài số {id}</title><link>https://x.vn/bai-{id}/</link><dc:creator><![CDATA[an]]></dc:creator>
                    <content:encoded><![CDATA[{body}

                    <img class="wp-image-{1_000_000 + i}" src="https://x.vn/wp-content/uploads/2020/01/anh-{id}-300x200.jpg" alt="">]]></content:encoded>
                    <excerpt:encoded><![CDATA[Tóm tắt {id}]]></excerpt:encoded><wp:post_id>{id}</wp:post_id>
                    <wp:post_date>2020-01-01 08:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 01:00:00</wp:post_date_gmt>
                    <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                    <category domain="category" nicename="tin-tuc"><![CDATA[Tin tức]]></category></item>

                    """);
                if (i % 10 == 0)
                {
                    // Attachments after the posts that use them, as exports often have them.
                    await writer.WriteAsync($"""
                        <item><title>anh-{id}</title><wp:post_id>{1_000_000 + i - 9}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>{i - 9}</wp:post_parent>
                        <wp:attachment_url>https://x.vn/wp-content/uploads/2020/01/anh-{i - 9}.jpg</wp:attachment_url></item>

                        """);
                }
            }

            await writer.WriteAsync("</channel>\n</rss>\n");
        }

        return new FileInfo(path).Length;
    }
}
