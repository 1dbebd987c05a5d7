using System.Text;
using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

public sealed class ViewCountMarkerTests
{
    [Fact]
    public void The_marker_is_found_where_it_was_rendered()
    {
        var page = Encoding.UTF8.GetBytes($"<p>Lượt xem: <span class=\"view-count\">{ViewCountMarker.For(42, 1234)}</span></p>");
        Assert.True(ViewCountMarker.TryFind(page, out var start, out var length, out var id, out var stored));
        Assert.Equal(42, id);
        Assert.Equal(1234, stored);
        Assert.Equal(ViewCountMarker.For(42, 1234), Encoding.UTF8.GetString(page, start, length));
    }

    [Theory]
    [InlineData("<p>no marker</p>")]
    [InlineData("<!--sen:views:12-->")]
    [InlineData("<!--sen:views:x:1-->")]
    [InlineData("<!--sen:views:12:34")]
    public void Broken_markers_are_not_found(string html) =>
        Assert.False(ViewCountMarker.TryFind(Encoding.UTF8.GetBytes(html), out _, out _, out _, out _));

    [Theory]
    [InlineData(145, "145")]
    [InlineData(1234, "1.234")]
    [InlineData(1234567, "1.234.567")]
    public void Counts_are_shown_with_vietnamese_thousands_separators(long views, string shown) =>
        Assert.Equal(shown, ViewCountMarker.Format(views));
}
