using Sen.Web.Text;

namespace Sen.Tests.Text;

public sealed class VietnamTimeTests
{
    [Fact]
    public void Format_shows_utc_in_vietnam_time_as_the_portal_does()
    {
        var utc = new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc);
        Assert.Equal("11:05 | 03/10/2019", VietnamTime.Format(utc));
        Assert.Equal("03/10/2019", VietnamTime.FormatDate(utc));
        Assert.Equal("2019-10-03T11:05:00+07:00", VietnamTime.FormatIso(utc));
    }

    [Fact]
    public void ToUtc_and_ToLocal_round_trip_across_midnight()
    {
        var local = new DateTime(2020, 1, 1, 3, 0, 0);
        var utc = VietnamTime.ToUtc(local);
        Assert.Equal(new DateTime(2019, 12, 31, 20, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(local, VietnamTime.ToLocal(utc));
    }
}
