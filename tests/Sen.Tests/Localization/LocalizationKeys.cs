using System.Text.RegularExpressions;

namespace Sen.Tests.Localization;

/// <summary>The resource keys a source file (.cs or .cshtml) uses, each with its line.</summary>
internal static partial class LocalizationKeys
{
    /// <summary>Keys in <paramref name="source"/>; <paramref name="groups"/> are the key groups of strings.tsv (the part before the first dot: Error, Search…).</summary>
    public static IEnumerable<(int Line, string Key)> In(string source, IReadOnlySet<string> groups)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(groups);
        var found = new List<(int Index, string Key)>();
        foreach (var pattern in new[] { Indexer(), GetString(), ErrorPage(), ErrorMessage(), DisplayName() })
        {
            found.AddRange(pattern.Matches(source).Select(m => (m.Groups["key"].Index, m.Groups["key"].Value)));
        }

        foreach (Match display in Display().Matches(source))
        {
            var args = display.Groups["args"];
            found.AddRange(DisplayProperty().Matches(args.Value).Select(m => (args.Index + m.Groups["key"].Index, m.Groups["key"].Value)));
        }

        // Keys handed around before they are looked up (the status page picks its title and message by
        // status code) are found by their shape: a literal that starts with a group of strings.tsv.
        foreach (Match literal in KeyShaped().Matches(source))
        {
            var key = literal.Groups["key"].Value;
            if (groups.Contains(key[..key.IndexOf('.', StringComparison.Ordinal)]))
            {
                found.Add((literal.Groups["key"].Index, key));
            }
        }

        return found.DistinctBy(f => f.Index).OrderBy(f => f.Index).Select(f => (LineOf(source, f.Index), f.Key));
    }

    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    // T["Key"], @T["Key", arg], Localizer["Key"], localizer["Key"].
    [GeneratedRegex("""(?<![\w.])(?:T|\w*[Ll]ocalizer)\[\s*"(?<key>[^"]+)"\s*[,\]]""")]
    private static partial Regex Indexer();

    [GeneratedRegex("""\bGetString\(\s*"(?<key>[^"]+)"\s*[,)]""")]
    private static partial Regex GetString();

    // ErrorPages.SetMessage(context, "Key"), ErrorPages.BadRequest(this, "Key").
    [GeneratedRegex("""\bErrorPages\.(?:SetMessage|BadRequest)\([^;]*?,\s*"(?<key>[^"]+)"\s*\)""")]
    private static partial Regex ErrorPage();

    // [Required(ErrorMessage = "Key")] and every other validation attribute.
    [GeneratedRegex("""\bErrorMessage\s*=\s*"(?<key>[^"]+)"\s*[,)]""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex("""\bDisplayName(?:Attribute)?\(\s*"(?<key>[^"]+)"\s*\)""")]
    private static partial Regex DisplayName();

    [GeneratedRegex("""\bDisplay(?:Attribute)?\((?<args>[^)]*)\)""")]
    private static partial Regex Display();

    [GeneratedRegex("""\b(?:Name|ShortName|Prompt|Description|GroupName)\s*=\s*"(?<key>[^"]+)"\s*""")]
    private static partial Regex DisplayProperty();

    [GeneratedRegex("""(?<![\w@$])"(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+)"(?!")""")]
    private static partial Regex KeyShaped();
}
