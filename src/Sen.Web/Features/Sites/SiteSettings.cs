using System.Net.Mail;
using Sen.Web.Text;

namespace Sen.Web.Features.Sites;

/// <summary>The settings the newsroom edits: what every page shows in its header and footer.</summary>
public sealed record SiteSettings(
    string? Name,
    string? WelcomeLine,
    string? FooterAgency,
    string? FooterAddress,
    string? FooterPhone,
    string? FooterEmail,
    string? LicenceLine)
{
    public static readonly IReadOnlyDictionary<string, int> MaxLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [nameof(Name)] = 300,
        [nameof(WelcomeLine)] = 500,
        [nameof(FooterAgency)] = 300,
        [nameof(FooterAddress)] = 500,
        [nameof(FooterPhone)] = 100,
        [nameof(FooterEmail)] = 200,
        [nameof(LicenceLine)] = 500,
    };

    public static SiteSettings Of(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new(site.Name, site.WelcomeLine, site.FooterAgency, site.FooterAddress, site.FooterPhone, site.FooterEmail, site.LicenceLine);
    }

    /// <summary>The settings trimmed and NFC; or the keys of what is wrong.</summary>
    public (SiteSettings Settings, IReadOnlyList<string> ProblemKeys) Clean()
    {
        static string Tidy(string? value) => VietnameseText.Nfc(value)?.Trim() ?? "";
        var cleaned = new SiteSettings(Tidy(Name), Tidy(WelcomeLine), Tidy(FooterAgency), Tidy(FooterAddress), Tidy(FooterPhone), Tidy(FooterEmail), Tidy(LicenceLine));
        var problems = new List<string>();
        if (cleaned.Name!.Length == 0)
        {
            problems.Add("Settings.Name.Required");
        }

        foreach (var (field, value) in cleaned.Fields())
        {
            if (value.Length > MaxLengths[field])
            {
                problems.Add("Settings." + field + ".TooLong");
            }
        }

        if (cleaned.FooterPhone!.Length > 0 && !cleaned.FooterPhone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '.' or '-' or '/' or ','))
        {
            problems.Add("Settings.FooterPhone.Invalid");
        }

        if (cleaned.FooterEmail!.Length > 0 && !IsEmail(cleaned.FooterEmail))
        {
            problems.Add("Settings.FooterEmail.Invalid");
        }

        return (cleaned, problems);
    }

    public IEnumerable<(string Field, string Value)> Fields()
    {
        yield return (nameof(Name), Name ?? "");
        yield return (nameof(WelcomeLine), WelcomeLine ?? "");
        yield return (nameof(FooterAgency), FooterAgency ?? "");
        yield return (nameof(FooterAddress), FooterAddress ?? "");
        yield return (nameof(FooterPhone), FooterPhone ?? "");
        yield return (nameof(FooterEmail), FooterEmail ?? "");
        yield return (nameof(LicenceLine), LicenceLine ?? "");
    }

    // A plain address only (no display name, quotes or brackets): the footer makes a mailto: link of it.
    private static bool IsEmail(string value) =>
        !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '\'' or '(' or ')' or ',' or ';' or ':' or '\\')
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);
}
