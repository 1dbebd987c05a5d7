using System.Text.RegularExpressions;

namespace Sen.Web.Features.Import;

/// <summary>"Tác giả: Thúy Lan - Ban DVHU Quế Sơn": the name, then the unit after the first " - ".</summary>
internal static partial class LegacyAuthor
{
    public static bool IsAuthorLine(LegacyLine line) => line.CanBeLabel && Label().IsMatch(line.Text);

    public static (string Name, string Unit) Parse(LegacyLine line)
    {
        var who = line.Text[Label().Match(line.Text).Length..].Trim();
        var separator = Separator().Match(who);
        return separator.Success
            ? (who[..separator.Index].Trim(), who[(separator.Index + separator.Length)..].Trim())
            : (who, "");
    }

    [GeneratedRegex(@"^tác ?giả ?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // An en dash is the same separator typed by a word processor.
    [GeneratedRegex(@" [-–] ", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
