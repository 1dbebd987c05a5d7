using Microsoft.Extensions.Primitives;
using Sen.Web.Infrastructure.Http;

namespace Sen.Tests.Http;

public sealed class PageQueryTests
{
    [Theory]
    [InlineData(null, true, 1)]
    [InlineData("1", true, 1)]
    [InlineData("5000", true, 5000)]
    [InlineData("0", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("abc", false, 0)]
    [InlineData("99999999999999999999", false, 0)]
    [InlineData("1e3", false, 0)]
    [InlineData(" 2", false, 0)]
    public void Accepts_positive_whole_numbers_only(string? raw, bool ok, int page)
    {
        Assert.Equal(ok, PageQuery.TryRead(raw is null ? StringValues.Empty : new StringValues(raw), out var parsed));
        if (ok)
        {
            Assert.Equal(page, parsed ?? 1);
        }
    }

    [Fact]
    public void Names_no_page_when_absent_and_refuses_a_repeated_or_empty_one()
    {
        Assert.True(PageQuery.TryRead(StringValues.Empty, out var none));
        Assert.Null(none);
        Assert.False(PageQuery.TryRead(new StringValues(["1", "2"]), out _));
        Assert.False(PageQuery.TryRead(new StringValues(""), out _));
        Assert.False(PageQuery.TryRead(new StringValues("1000001"), out _));
        Assert.True(PageQuery.TryRead(new StringValues("1000000"), out var max));
        Assert.Equal(PageQuery.Max, max);
    }
}
