using System.Globalization;

namespace Sen.Web.Features.Admin;

/// <summary>
/// The geometry of the dashboard's bar chart of views per day, drawn as SVG by the page: one bar per
/// day, a scale rounded up to a readable number, and a day label (dd/MM) every few days ending with today.
/// Coordinates are in the SVG's own units (its viewBox); CSS scales it to the screen.
/// </summary>
public sealed class ViewsChart
{
    public const double Width = 640;
    public const double Height = 240;
    public const double Left = 56;
    public const double Right = 8;
    public const double Top = 12;
    public const double Bottom = 28;

    private const int LabelEvery = 5;

    public ViewsChart(IReadOnlyList<DayViews> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        Scale = NiceCeiling(days.Count == 0 ? 0 : days.Max(d => d.Views));
        var slot = (Width - Left - Right) / Math.Max(1, days.Count);
        var plotHeight = Height - Top - Bottom;
        Bars = days.Select((d, i) =>
        {
            var height = plotHeight * d.Views / Scale;
            var labelled = (days.Count - 1 - i) % LabelEvery == 0;
            return new Bar(d, Left + (i * slot) + (slot * 0.15), Height - Bottom - height, slot * 0.7, height, Left + (i * slot) + (slot / 2), labelled);
        }).ToList();
    }

    public sealed record Bar(DayViews Day, double X, double Y, double Width, double Height, double Center, bool Labelled)
    {
        public string Label => Day.Day.ToString("dd/MM", CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>The views the top of the chart stands for: 1, 2 or 5 times a power of ten, at least the busiest day.</summary>
    public long Scale { get; }

    /// <summary>The grid lines: 0, half the scale (when a whole number) and the scale, with their heights.</summary>
    public IEnumerable<(long Views, double Y)> Ticks =>
        (Scale % 2 == 0 ? new[] { 0, Scale / 2, Scale } : [0, Scale]).Select(v => (v, Height - Bottom - ((Height - Top - Bottom) * v / Scale)));

    /// <summary>A number in SVG attribute form (invariant, two decimals at most).</summary>
    public static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public static long NiceCeiling(long max)
    {
        if (max <= 1)
        {
            return 1;
        }

        var power = 1L;
        while (power * 10 <= max)
        {
            power *= 10;
        }

        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (power * step >= max)
            {
                return power * step;
            }
        }

        return power * 10;
    }
}
