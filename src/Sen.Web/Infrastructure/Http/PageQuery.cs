using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Sen.Web.Infrastructure.Http;

/// <summary>
/// The <c>?trang=</c> page number of listing pages (categories, search). Anything but one positive
/// whole number is the reader's error: the page answers it with a 400, and no cache ever looks it up.
/// </summary>
public static class PageQuery
{
    public const string Parameter = "trang";

    public const int Max = 1_000_000;

    /// <summary>
    /// False when the request names a page badly (empty, not a whole number from 1 to <see cref="Max"/>,
    /// or more than once); otherwise <paramref name="page"/> is the page, or null when it names none.
    /// </summary>
    public static bool TryRead(HttpRequest request, out int? page)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryRead(request.Query[Parameter], out page);
    }

    /// <summary>The same from the parameter's values.</summary>
    public static bool TryRead(StringValues values, out int? page)
    {
        page = null;
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count == 1
            && values[0] is { Length: > 0 and <= 7 } value
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= 1 and <= Max)
        {
            page = number;
            return true;
        }

        return false;
    }
}
