using System.Globalization;
using System.Text.RegularExpressions;
using Sen.Web.Text;

namespace Sen.Web.Features.Import.Pages;

/// <summary>
/// The publication time and view count as old portals print them: "Ngày đăng: 11:05 | 03/10/2019", "Gửi lúc:
/// 05/12/2013 15:42:27", "Cập nhật ngày 03/10/2019", "Thứ năm, 03/10/2019 - 11:05" (Vietnam time, to UTC);
/// "Lượt xem: 1.234", "Lượt đọc", "Số lượt xem".
/// </summary>
public static partial class PageDates
{
    /// <summary>A line that says it carries the date ("Ngày đăng", "Gửi lúc", "Cập nhật", "Thứ năm,", "Ngày …").</summary>
    public static bool HasDateLabel(string text) => Label().IsMatch(text ?? "");

    /// <summary>A line that names itself the publication date: "Ngày đăng", "Gửi lúc", "Đăng lúc", "Cập nhật", "Thời gian đăng".</summary>
    public static bool HasStrongLabel(string text) => StrongLabel().IsMatch(text ?? "");

    /// <summary>"Thứ năm, 03/10/2019 - 11:05", "Chủ nhật, …": a date line when it starts so.</summary>
    public static bool StartsWithWeekday(string text) => Weekday().IsMatch(text ?? "");

    /// <summary>The first date (with its time, when given) in <paramref name="text"/>, as UTC; null when none reads as a real date.</summary>
    public static DateTime? FindUtc(string? text)
    {
        foreach (Match match in DateTimePattern().Matches(text ?? ""))
        {
            var hour = match.Groups["h"].Success ? match.Groups["h"].Value : match.Groups["h2"].Success ? match.Groups["h2"].Value : "0";
            var minute = match.Groups["m"].Success ? match.Groups["m"].Value : match.Groups["m2"].Success ? match.Groups["m2"].Value : "0";
            var second = match.Groups["s"].Success ? match.Groups["s"].Value : match.Groups["s2"].Success ? match.Groups["s2"].Value : "0";
            var invariant = string.Create(CultureInfo.InvariantCulture, $"{match.Groups["y"].Value}-{match.Groups["mo"].Value}-{match.Groups["d"].Value} {hour}:{minute}:{second}");
            if (DateTime.TryParseExact(invariant, "yyyy-M-d H:m:s", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year >= 1990)
            {
                return VietnamTime.ToUtc(local);
            }
        }

        return null;
    }

    /// <summary>The number after "Lượt xem" (or "Lượt đọc", "Số lượt xem", "Lượt truy cập"), thousands separators allowed.</summary>
    public static long? FindViews(string? text)
    {
        var match = ViewsPattern().Match(text ?? "");
        return match.Success
            && long.TryParse(match.Groups["n"].Value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var views)
            ? views
            : null;
    }

    /// <summary>Just a number ("1.234"), as in an element a selector picked.</summary>
    public static long? Number(string? text)
    {
        var digits = new string((text ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 16 ? long.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"ngày\s*đăng|gửi\s*lúc|đăng\s*lúc|cập\s*nhật|thời\s*gian\s*đăng|ngày\s*xuất\s*bản|posted\s*on", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex StrongLabel();

    [GeneratedRegex(@"^\s*(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật)\s*,", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"ngày\s*đăng|gửi\s*lúc|cập\s*nhật|đăng\s*lúc|ngày\s*\d|thứ\s*(hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật|posted|\d{1,2}/\d{1,2}/\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Label();

    // Time before the date ("11:05 | 03/10/2019") or after it ("05/12/2013 15:42:27", "03/10/2019 - 11:05"), seconds optional.
    [GeneratedRegex(
        @"(?:(?<h>\d{1,2})\s*[:h]\s*(?<m>\d{2})(?::(?<s>\d{2}))?\s*(?:[|,\-–]|(?:ngày|,)?)\s*)?(?<d>\d{1,2})\s*[/\-.]\s*(?<mo>\d{1,2})\s*[/\-.]\s*(?<y>\d{4})(?:\s*(?:[|,\-–]|lúc)?\s*(?<h2>\d{1,2})\s*[:h]\s*(?<m2>\d{2})(?::(?<s2>\d{2}))?)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"(?:số\s*)?lượt\s*(?:xem|đọc|truy\s*cập)\s*[:：]?\s*(?<n>\d{1,3}(?:[.,]\d{3})+|\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ViewsPattern();
}
