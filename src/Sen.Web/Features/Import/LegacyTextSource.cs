using System.Globalization;
using System.Runtime.CompilerServices;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>
/// Files of legacy page text in the seed's format (`sen import text FILE…`). Text in TCVN3 or VNI is converted
/// first. Such a page has no address, so an item is known by its publish time and title: importing the same page
/// again, from any folder, updates the article instead of adding a second one.
/// </summary>
public sealed class LegacyTextSource(IReadOnlyList<string> paths) : ICountedImportSource
{
    public const string SourceName = "import-text";

    public string Name => SourceName;

    public int Count => paths.Count;

    /// <summary>The key of a page: "text:2019-10-03T11:05:" and the title's slug.</summary>
    public static string KeyOf(LegacyPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var key = string.Create(CultureInfo.InvariantCulture, $"text:{page.PublishedAtLocal:yyyy-MM-dd'T'HH:mm}:{Slug.From(page.Title)}");
        return key.Length <= Articles.Article.ImportSourceKeyMaxLength ? key : key[..Articles.Article.ImportSourceKeyMaxLength];
    }

    public async IAsyncEnumerable<ImportRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ImportRead> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return Read(path, ConvertLegacyText.Convert(bytes, isHtml: false, from: null).Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImportRead.Failed(path, e.Message);
        }
    }

    private static ImportRead Read(string path, string text)
    {
        var result = LegacyPageParser.Parse(text);
        if (!result.Succeeded)
        {
            return ImportRead.Failed(path, string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        var page = result.Page!;
        var item = new ImportItem(
            SourceKey: KeyOf(page),
            SourceUrl: null,
            OldPaths: [],
            Title: page.Title,
            PublishedAt: VietnamTime.ToUtc(page.PublishedAtLocal),
            Views: page.Views,
            AuthorName: page.AuthorName,
            BodyHtml: LegacyArticleHtml.ToBodyHtml(page.Body, imageUrl: null, imageAlt: page.Title),
            Lead: null,
            CategoryPath: [],
            Tags: [],
            Media: [],
            CoverReference: null,
            Draft: false)
        {
            AuthorUnit = page.AuthorUnit,
        };
        return ImportRead.Of(item);
    }
}
