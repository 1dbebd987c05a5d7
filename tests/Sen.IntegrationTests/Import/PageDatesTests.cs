using Sen.Web.Features.Import.Pages;

namespace Sen.IntegrationTests.Import;

/// <summary>The date lines and view counts of old portals (pure functions, no database).</summary>
public sealed class PageDatesTests
{
    [Theory]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019", "2019-10-03T04:05:00")]
    [InlineData("Gửi lúc: 05/12/2013 15:42:27", "2013-12-05T08:42:27")]
    [InlineData("Gửi lúc: 05/12/2013 15:42", "2013-12-05T08:42:00")]
    [InlineData("Cập nhật ngày 03/10/2019", "2019-10-02T17:00:00")]
    [InlineData("Thứ năm, 03/10/2019 - 11:05", "2019-10-03T04:05:00")]
    [InlineData("Thứ năm, 03/10/2019 - 11:05:09", "2019-10-03T04:05:09")]
    [InlineData("Ngày đăng: 31/02/2019", null)]
    [InlineData("Không có ngày", null)]
    public void Dates_are_read_in_vietnam_time_and_given_in_utc(string line, string? utc)
    {
        var found = PageDates.FindUtc(line);
        Assert.Equal(utc, found?.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Lượt xem: 1.234", 1234L)]
    [InlineData("Lượt đọc: 56", 56L)]
    [InlineData("Số lượt xem: 12", 12L)]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019 Lượt xem: 7", 7L)]
    [InlineData("Không có", null)]
    public void View_counts_are_read_after_their_label(string line, long? views) => Assert.Equal(views, PageDates.FindViews(line));

    [Theory]
    [InlineData("Ngày đăng: 11:05 | 03/10/2019", true)]
    [InlineData("Gửi lúc: 05/12/2013", true)]
    [InlineData("Hội nghị ngày 03/10/2019 tại Hà Nội", false)]
    public void Only_lines_that_say_so_are_date_lines(string line, bool strong) => Assert.Equal(strong, PageDates.HasStrongLabel(line));
}
