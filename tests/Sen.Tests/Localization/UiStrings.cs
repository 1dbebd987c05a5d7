namespace Sen.Tests.Localization;

/// <summary>src/Sen.Web/Resources/strings.tsv, read as tools/resx.py reads it: key, Vietnamese, English; # starts a comment line.</summary>
internal static class UiStrings
{
    public static string TablePath { get; } = RepositoryFiles.PathOf("src", "Sen.Web", "Resources", "strings.tsv");

    public static IReadOnlyList<Row> Read() =>
    [
        .. File.ReadAllLines(TablePath)
            .Select((line, index) => new Row(index + 1, line.Split('\t')))
            .Where(row => row.Fields[0].Length > 0 && !row.Fields[0].StartsWith('#')),
    ];

    public sealed record Row(int Line, string[] Fields)
    {
        public string Key => Fields[0];

        public string Vietnamese => Fields.ElementAtOrDefault(1) ?? "";

        public string English => Fields.ElementAtOrDefault(2) ?? "";
    }
}
