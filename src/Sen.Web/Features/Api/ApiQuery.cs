using System.Globalization;

namespace Sen.Web.Features.Api;

/// <summary>Reads the API's query parameters strictly: anything malformed is the caller's error (a 400), never a guess.</summary>
public static class ApiQuery
{
    public const string PageSizeParameter = "so-muc";
    public const string CategoryParameter = "chuyen-muc";
    public const string FromParameter = "tu-ngay";
    public const string ToParameter = "den-ngay";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The parameter's value (null when absent); false when it is given more than once.</summary>
    public static bool TryRead(HttpRequest request, string name, out string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Query[name];
        value = values.Count == 0 ? null : values[0];
        return values.Count <= 1;
    }

    /// <summary>The page size: 1 to <see cref="MaxPageSize"/>, <see cref="DefaultPageSize"/> when absent.</summary>
    public static bool TryPageSize(string? value, out int size)
    {
        size = DefaultPageSize;
        if (value is null)
        {
            return true;
        }

        return value is { Length: > 0 and <= 3 } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size)
            && size is >= 1 and <= MaxPageSize;
    }

    /// <summary>A Vietnamese calendar date as yyyy-MM-dd (empty or absent is no date); false when malformed.</summary>
    public static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (value.Length == DateFormat.Length
            && DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 1900 and <= 2999)
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A positive id of at most 10 digits; false for anything else.</summary>
    public static bool TryId(string? value, out int id)
    {
        id = 0;
        return value is { Length: > 0 and <= 10 }
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }
}
