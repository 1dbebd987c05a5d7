using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Import;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Import;

/// <summary>`sen import text FILE…` goes through the import pipeline: original date, views and author kept, a re-run from anywhere updates.</summary>
public abstract class TextImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_of_text_imports_once_with_its_date_views_and_author_and_a_copy_elsewhere_updates_it()
    {
        factory.RequireProvider();
        var seed = DemoContentSeeder.ReadSeedText();
        var original = LegacyPageParser.Parse(seed).Page!;
        var title = "Bài nhập từ văn bản " + typeof(TFactory).Name;
        var text = seed.Replace(original.Title, title, StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("sen-text-import-").FullName;
        var page = Write(folder, "a/trang.txt", text);
        var empty = Write(folder, "a/trong.txt", "");
        var category = await FirstCategorySlugAsync();

        var first = await RunAsync(new LegacyTextSource([page, empty]), new ImportOptions(DefaultCategory: category));

        Assert.Equal(1, first.Imported);
        var failure = Assert.Single(first.Failures);
        Assert.Equal(empty, failure.Source);
        Assert.Contains("Dòng 1", failure.Reason, StringComparison.Ordinal);
        var article = Assert.Single(await ImportedAsync(title));
        Assert.Equal(new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal(144, article.ViewCount);
        Assert.Equal(original.AuthorName, article.AuthorName);
        Assert.Equal(original.AuthorUnit, article.AuthorUnit);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(category, article.Category!.Slug);
        Assert.Contains("<ol>", article.BodyHtml, StringComparison.Ordinal);

        // The same page saved in another folder is the same item: nothing new.
        var copy = Write(folder, "b/ban-sao.txt", text);
        var again = await RunAsync(new LegacyTextSource([copy]), new ImportOptions(DefaultCategory: category));
        Assert.Equal((0, 0, 1), (again.Imported, again.Updated, again.Unchanged));

        // A corrected copy updates the article in place.
        Write(folder, "b/ban-sao.txt", text.Replace(original.AuthorName, "Nguyễn Văn Sửa", StringComparison.Ordinal));
        var corrected = await RunAsync(new LegacyTextSource([copy]), new ImportOptions(DefaultCategory: category));
        Assert.Equal((0, 1), (corrected.Imported, corrected.Updated));
        var updated = Assert.Single(await ImportedAsync(title));
        Assert.Equal(article.Id, updated.Id);
        Assert.Equal("Nguyễn Văn Sửa", updated.AuthorName);
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<string> FirstCategorySlugAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenDbContext>().Categories.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync(Ct);
    }

    private async Task<ImportSummary> RunAsync(IImportSource source, ImportOptions options)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(source, options, null, Ct);
    }

    private async Task<List<Article>> ImportedAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenDbContext>().Articles.AsNoTracking().Include(a => a.Category)
            .Where(a => a.Title == title && a.ImportSourceKey != null).ToListAsync(Ct);
    }
}

public sealed class SqliteTextImportTests(SqliteAppFactory factory) : TextImportTests<SqliteAppFactory>(factory);

public sealed class PostgresTextImportTests(PostgresAppFactory factory) : TextImportTests<PostgresAppFactory>(factory);
