using System.Globalization;
using System.Text.RegularExpressions;

namespace Sen.Web.Features.Import;

/// <summary>"Ngày đăng: 11:05 | 03/10/2019 Lượt xem: 144", read from a cleaned line (single spaces).</summary>
internal static partial class LegacyDateLine
{
    public static bool IsDateLine(LegacyLine line) => !line.IsBlank && Label().IsMatch(line.Text);

    public static DateLineResult Parse(LegacyLine line)
    {
        var rest = line.Text[Label().Match(line.Text).Length..];
        var datePart = rest;
        var viewsPart = "";
        var views = ViewsLabel().Match(rest);
        if (views.Success)
        {
            datePart = rest[..views.Index];
            viewsPart = rest[(views.Index + views.Length)..];
        }

        datePart = datePart.Trim();
        viewsPart = viewsPart.Trim();
        var errors = new List<LegacyParseError>();
        if (!TryParseDate(datePart, out var publishedAt))
        {
            errors.Add(LegacyParseMessages.InvalidDate(line.Number, datePart));
        }

        long count = 0;
        if (views.Success && !TryParseViews(viewsPart, out count))
        {
            errors.Add(LegacyParseMessages.InvalidViews(line.Number, viewsPart));
        }

        return new DateLineResult(publishedAt, count, errors);
    }

    private static bool TryParseDate(string text, out DateTime publishedAt)
    {
        publishedAt = default;
        if (text.Length > LegacyLine.MaxLabelLength)
        {
            return false;
        }

        var match = DateAndTime().Match(text);
        if (!match.Success || (match.Groups["h"].Success && match.Groups["h2"].Success))
        {
            return false;
        }

        var hour = FirstSuccessful(match, "h", "h2") ?? "0";
        var minute = FirstSuccessful(match, "min", "min2") ?? "00";
        var invariant = string.Create(
            CultureInfo.InvariantCulture,
            $"{match.Groups["y"].Value}-{match.Groups["mo"].Value}-{match.Groups["d"].Value} {hour}:{minute}");

        // TryParseExact rejects 31/02 and 25:00 and leaves Kind Unspecified: the page showed Vietnam wall-clock time.
        return DateTime.TryParseExact(invariant, "yyyy-M-d H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out publishedAt);
    }

    private static string? FirstSuccessful(Match match, string first, string second) =>
        match.Groups[first].Success ? match.Groups[first].Value
        : match.Groups[second].Success ? match.Groups[second].Value
        : null;

    private static bool TryParseViews(string text, out long views)
    {
        views = 0;
        return text.Length <= 30
            && ViewCount().IsMatch(text)
            && long.TryParse(text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out views);
    }

    [GeneratedRegex(@"^ngày ?đăng ?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"lượt ?xem ?:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ViewsLabel();

    // The old pages put the time first ("11:05 | 03/10/2019"); some exports put it after the date.
    [GeneratedRegex(
        @"^(?:(?<h>[0-9]{1,2}) ?[:h] ?(?<min>[0-9]{2}) ?\| ?)?(?<d>[0-9]{1,2}) ?/ ?(?<mo>[0-9]{1,2}) ?/ ?(?<y>[0-9]{4})(?: ?\|? ?(?<h2>[0-9]{1,2}) ?[:h] ?(?<min2>[0-9]{2}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateAndTime();

    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ViewCount();
}

internal sealed record DateLineResult(DateTime PublishedAt, long Views, IReadOnlyList<LegacyParseError> Errors);
