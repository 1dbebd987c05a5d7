using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sen.Tests.Localization;

/// <summary>
/// Every UI string goes through src/Sen.Web/Resources/strings.tsv: each key the code uses is there, every row is
/// complete, and the .resx files tools/resx.py generates from it are up to date.
/// </summary>
public sealed partial class LocalizationTests
{
    private const string Regenerate = "Edit src/Sen.Web/Resources/strings.tsv, then run `python3 tools/resx.py`.";

    public static TheoryData<string, string> SourceSnippets => new()
    {
        { """<title>@T["Site.DefaultName"]</title>""", "Site.DefaultName" },
        { """@T["Search.Count", result.TotalCount, Model.Q]""", "Search.Count" },
        { """var text = Localizer["Nav.Home"];""", "Nav.Home" },
        { """_localizer.GetString("Links.Go")""", "Links.Go" },
        { """ErrorPages.SetMessage(context, "Error.BadRequest.Message");""", "Error.BadRequest.Message" },
        { """return ErrorPages.BadRequest(this, "Search.BadDate");""", "Search.BadDate" },
        { """[Required(ErrorMessage = "Validation.Required")]""", "Validation.Required" },
        { """[StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]""", "Validation.Length" },
        { """[Display(Name = "Article.Title", Prompt = "Article.TitlePrompt")]""", "Article.Title Article.TitlePrompt" },
        { """[DisplayName("Article.Lead")]""", "Article.Lead" },
        { """403 => ("Error.Forbidden.Title", "Error.Forbidden.Message"),""", "Error.Forbidden.Title Error.Forbidden.Message" },
        { """private const string MessageKeyItem = "Sen.ErrorMessageKey";""", "" },
        { """builder.UseSetting("Database:Provider", "Sqlite"); Items["Search"] = x;""", "" },
        { """new Option<int>("--fill") { Description = "Thêm N bài viết. / Insert N articles." };""", "" },
    };

    [Theory]
    [MemberData(nameof(SourceSnippets))]
    public void The_scan_finds_keys_in_lookups_error_pages_attributes_and_key_shaped_literals(string source, string keys)
    {
        var groups = new HashSet<string>(["Site", "Search", "Nav", "Links", "Error", "Article"]);
        Assert.Equal(keys.Split(' ', StringSplitOptions.RemoveEmptyEntries), LocalizationKeys.In(source, groups).Select(k => k.Key));
    }

    [Fact]
    public void Every_key_the_web_project_uses_is_in_strings_tsv()
    {
        var rows = UiStrings.Read();
        var keys = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var groups = keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var web = RepositoryFiles.PathOf("src", "Sen.Web");
        var uses = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !BuildOutput().IsMatch(Path.GetRelativePath(web, f)))
            .SelectMany(f => LocalizationKeys.In(File.ReadAllText(f), groups).Select(k => (File: Path.GetRelativePath(RepositoryFiles.Root, f), k.Line, k.Key)))
            .ToList();

        Assert.NotEmpty(uses);
        var missing = uses.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}:{u.Line}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, $"Keys missing from strings.tsv ({Regenerate}):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_row_of_strings_tsv_has_a_unique_key_vietnamese_and_english_with_the_same_placeholders()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in UiStrings.Read())
        {
            var where = $"strings.tsv:{row.Line} {row.Key}";
            if (row.Fields.Length != 3 || row.Vietnamese.Length == 0 || row.English.Length == 0)
            {
                problems.Add($"{where}: needs exactly three tab-separated columns, key, Vietnamese and English");
            }

            if (!seen.Add(row.Key))
            {
                problems.Add($"{where}: the key is there twice");
            }

            // tools/resx.py reads the file with Python's csv module, which takes a leading quote as quoting.
            if (row.Fields.Any(f => f.StartsWith('"')))
            {
                problems.Add($"{where}: a column starts with a double quote");
            }

            if (!row.Vietnamese.IsNormalized())
            {
                problems.Add($"{where}: the Vietnamese text is not in Unicode NFC");
            }

            var vietnamese = Placeholders(row.Vietnamese);
            var english = Placeholders(row.English);
            if (!vietnamese.SetEquals(english))
            {
                problems.Add($"{where}: placeholders differ, Vietnamese {{{string.Join("}{", vietnamese)}}}, English {{{string.Join("}{", english)}}}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("SharedResource.resx", "vi")]
    [InlineData("SharedResource.en.resx", "en")]
    public void The_resx_file_holds_exactly_the_strings_of_strings_tsv(string file, string language)
    {
        var expected = UiStrings.Read().Select(r => (r.Key, Value: language == "vi" ? r.Vietnamese : r.English)).ToList();
        var resx = XDocument.Load(RepositoryFiles.PathOf("src", "Sen.Web", "Resources", file), LoadOptions.PreserveWhitespace);
        var actual = resx.Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: d.Element("value")?.Value ?? ""))
            .ToList();

        var stale = expected.Except(actual).Select(e => $"strings.tsv has {e.Key} = «{e.Value}»")
            .Concat(actual.Except(expected).Select(a => $"{file} has {a.Key} = «{a.Value}»"))
            .ToList();
        Assert.True(stale.Count == 0, $"{file} is not what strings.tsv generates ({Regenerate}):\n" + string.Join("\n", stale));
        Assert.Equal(expected.Select(e => e.Key), actual.Select(a => a.Key));
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["index"].Value)];

    [GeneratedRegex(@"\{(?<index>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(^|[\\/])(bin|obj)[\\/]")]
    private static partial Regex BuildOutput();
}
