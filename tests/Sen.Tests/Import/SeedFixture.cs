using System.Text;

namespace Sen.Tests.Import;

internal static class SeedFixture
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-article.txt");

    public static string Text() => File.ReadAllText(Path, Encoding.UTF8);

    /// <summary>Line <paramref name="number"/> (1-based) of the file as stored, with its spaces and NBSPs trimmed.</summary>
    public static string RawLine(int number) => Text().Split('\n')[number - 1].Trim(' ', '\u00a0');
}
