using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Tests.ViewCounts;

public sealed class ReadyPageTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection()
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        .AddResponseCompression()
        .AddViewCounts()
        .BuildServiceProvider();

    private static readonly KeyValuePair<string, StringValues>[] Headers =
    [
        new("Content-Type", "text/html; charset=utf-8"),
        new("Cache-Control", "no-cache"),
        new("Vary", new StringValues(["Cookie", "Accept-Language"])),
        new("X-Tiêu-Đề", "Giá trị có dấu"),
    ];

    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<h1>Quế Sơn</h1><p>Lượt xem: <span class=\"view-count\">" + ViewCountMarker.For(42, 144) + "</span></p>");

    private ILivePages LivePages => services.GetRequiredService<ILivePages>();

    public void Dispose() => services.Dispose();

    [Fact]
    public void An_entry_reads_back_with_its_headers_page_and_marker()
    {
        var bytes = ReadyPage.ToBytes(Headers, Page, live: true);
        Assert.True(ReadyPage.TryRead(bytes, LivePages, out var page));
        Assert.Equal(Headers, page.Headers);
        Assert.Equal(Page, page.Body.ToArray());
        var count = Assert.IsType<LiveCount>(page.LiveRegion);
        Assert.Equal(42, count.ArticleId);
        Assert.Equal("<h1>Quế Sơn</h1><p>Lượt xem: <span class=\"view-count\">", Encoding.UTF8.GetString(count.BeforeCount));
        Assert.Equal("</span></p>", Encoding.UTF8.GetString(count.AfterCount));

        // The same array is parsed once.
        Assert.True(ReadyPage.TryRead(bytes, LivePages, out var again));
        Assert.Same(page, again);
    }

    [Fact]
    public void Copies_of_one_entry_read_from_new_arrays_share_one_gzip_splice()
    {
        var bytes = ReadyPage.ToBytes(Headers, Page, live: true);
        Assert.True(ReadyPage.TryRead(bytes.ToArray(), LivePages, out var first));
        Assert.True(ReadyPage.TryRead(bytes.ToArray(), LivePages, out var second));
        Assert.NotSame(first, second);
        Assert.Same(Gzip(first), Gzip(second));

        var edited = ReadyPage.ToBytes(Headers, [.. Page, .. "<p>Đã sửa</p>"u8], live: true);
        Assert.True(ReadyPage.TryRead(edited, LivePages, out var third));
        Assert.NotSame(Gzip(first), Gzip(third));
    }

    [Fact]
    public void Truncated_damaged_or_foreign_bytes_are_not_an_entry()
    {
        var bytes = ReadyPage.ToBytes(Headers, Page, live: true);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(ReadyPage.TryRead(bytes[..length], LivePages, out _), $"read from the first {length} bytes");
        }

        var otherVersion = bytes.ToArray();
        otherVersion[0] = 1;
        Assert.False(ReadyPage.TryRead(otherVersion, LivePages, out _));
        Assert.False(ReadyPage.TryRead([.. bytes, 0], LivePages, out _));
        Assert.False(ReadyPage.TryRead(Encoding.UTF8.GetBytes("<html>not an entry</html>"), LivePages, out _));

        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var noise = new byte[random.Next(0, 200)];
            random.NextBytes(noise);
            ReadyPage.TryRead(noise, LivePages, out _);
        }
    }

    [Fact]
    public void A_live_page_without_a_marker_is_not_an_entry_but_a_page_kept_as_sent_needs_none()
    {
        Assert.True(ReadyPage.TryRead(ReadyPage.ToBytes(Headers, "<p>Trang chủ</p>"u8, live: false), LivePages, out var asSent));
        Assert.Null(asSent.LiveRegion);
        Assert.Equal("<p>Trang chủ</p>"u8.ToArray(), asSent.Body.ToArray());

        Assert.False(ReadyPage.TryRead(ReadyPage.ToBytes(Headers, "<p>Không có số lượt xem</p>"u8, live: true), LivePages, out _));
    }

    private static GzipSplice Gzip(ReadyPage page) => Assert.IsType<LiveCount>(page.LiveRegion).Gzip;
}
