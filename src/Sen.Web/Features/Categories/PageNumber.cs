using System.Globalization;

namespace Sen.Web.Features.Categories;

/// <summary>Reads the ?trang= page number; anything but a positive whole number is the reader's error.</summary>
public static class PageNumber
{
    public const int Max = 1_000_000;

    public static bool TryParse(string? value, out int page)
    {
        page = 1;
        if (value is null)
        {
            return true;
        }

        return value.Length <= 7
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && page is >= 1 and <= Max;
    }
}
