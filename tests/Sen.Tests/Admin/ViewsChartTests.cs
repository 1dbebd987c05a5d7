using Sen.Web.Features.Admin;

namespace Sen.Tests.Admin;

public sealed class ViewsChartTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(150, 200)]
    [InlineData(4_321, 5_000)]
    [InlineData(60_000, 100_000)]
    public void The_scale_is_1_2_or_5_times_a_power_of_ten_at_least_the_busiest_day(long max, long scale) =>
        Assert.Equal(scale, ViewsChart.NiceCeiling(max));

    [Fact]
    public void One_bar_per_day_inside_the_plot_heights_proportional_and_today_labelled()
    {
        var today = new DateOnly(2026, 12, 2);
        var days = Enumerable.Range(0, 30).Select(i => new DayViews(today.AddDays(i - 29), i == 29 ? 100 : i == 0 ? 50 : 0)).ToList();
        var chart = new ViewsChart(days);

        Assert.Equal(30, chart.Bars.Count);
        Assert.Equal(100, chart.Scale);
        var plot = ViewsChart.Height - ViewsChart.Top - ViewsChart.Bottom;
        Assert.Equal(plot, chart.Bars[29].Height, 6);
        Assert.Equal(plot / 2, chart.Bars[0].Height, 6);
        Assert.All(chart.Bars.Skip(1).Take(28), b => Assert.Equal(0, b.Height));
        Assert.All(chart.Bars, b => Assert.InRange(b.X, ViewsChart.Left, ViewsChart.Width - ViewsChart.Right - b.Width));
        Assert.All(chart.Bars, b => Assert.Equal(ViewsChart.Height - ViewsChart.Bottom, b.Y + b.Height, 6));
        Assert.True(chart.Bars.Zip(chart.Bars.Skip(1)).All(p => p.First.X < p.Second.X));
        Assert.Equal("02/12", chart.Bars[29].Label);
        Assert.Equal(["07/11", "12/11", "17/11", "22/11", "27/11", "02/12"], chart.Bars.Where(b => b.Labelled).Select(b => b.Label));
        Assert.Equal([0L, 50L, 100L], chart.Ticks.Select(t => t.Views));
    }

    [Fact]
    public void A_month_without_views_draws_flat_bars_on_a_scale_of_one()
    {
        var chart = new ViewsChart(Enumerable.Range(0, 30).Select(i => new DayViews(new DateOnly(2026, 1, 1).AddDays(i), 0)).ToList());
        Assert.Equal(1, chart.Scale);
        Assert.All(chart.Bars, b => Assert.Equal(0, b.Height));
        Assert.Equal([0L, 1L], chart.Ticks.Select(t => t.Views));
    }
}
