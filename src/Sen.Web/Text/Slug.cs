using System.Text;

namespace Sen.Web.Text;

/// <summary>URL slugs from Vietnamese titles: "Quế Sơn: Hội nghị" becomes "que-son-hoi-nghi".</summary>
public static class Slug
{
    public const int MaxLength = 120;

    public static string From(string? text, int maxLength = MaxLength)
    {
        var folded = VietnameseText.Fold(text);
        var builder = new StringBuilder(Math.Min(folded.Length, maxLength));
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0)
                {
                    // A dash and one more character must both fit, or the slug would pass maxLength.
                    if (builder.Length + 2 > maxLength)
                    {
                        break;
                    }

                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(c);
            }
            else
            {
                pendingDash = true;
            }

            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>A slug as Sen writes it: lower-case ASCII letters and digits joined by single dashes.</summary>
    public static bool IsWellFormed(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength || slug[0] == '-' || slug[^1] == '-')
        {
            return false;
        }

        var previousDash = false;
        foreach (var c in slug)
        {
            var dash = c == '-';
            if (!(dash || c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) || (dash && previousDash))
            {
                return false;
            }

            previousDash = dash;
        }

        return true;
    }
}
