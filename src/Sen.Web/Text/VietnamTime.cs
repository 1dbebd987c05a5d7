using System.Globalization;

namespace Sen.Web.Text;

/// <summary>Times are stored in UTC and shown in Vietnam's time zone in the portal's "HH:mm | dd/MM/yyyy" form.</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime vietnamLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(vietnamLocal, DateTimeKind.Unspecified), Zone);

    /// <summary>"11:05 | 03/10/2019".</summary>
    public static string Format(DateTime utc) =>
        ToLocal(utc).ToString("HH:mm | dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"03/10/2019".</summary>
    public static string FormatDate(DateTime utc) =>
        ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the +07:00 offset, for the datetime attribute of time elements.</summary>
    public static string FormatIso(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        // Vietnam has kept UTC+7 without daylight saving since 1975; a fixed zone is exact for all stored content.
        return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
    }
}
