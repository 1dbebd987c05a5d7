using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Features.Import.WordPress;
using Sen.Web.Infrastructure.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Sen.IntegrationTests.Import;

/// <summary>A WordPress export (Fixtures/wordpress) through the import pipeline, twice, and its old addresses.</summary>
public abstract class WordPressImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IDisposable
    where TFactory : SenAppFactory
{
    private static readonly string Export = Fixture("export.xml");
    private readonly string uploads = CreateUploads();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(uploads, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_wordpress_export_imports_with_its_dates_authors_images_and_categories_after_a_truncated_copy_and_again_changes_nothing()
    {
        factory.RequireProvider();
        await using var app = WithMedia();
        // A truncated copy first: the items before the break land, the break is reported.
        var truncated = await RunAsync(app, new WordPressExportSource(Fixture("export-truncated.xml"), uploads));
        Assert.Equal(4, truncated.Imported);
        Assert.Contains("export-truncated.xml", Assert.Single(truncated.Failures).Source, StringComparison.Ordinal);

        // Then the whole export: the four are not duplicated, the rest is added.
        var first = await RunAsync(app, new WordPressExportSource(Export, uploads));
        Assert.Equal(1, first.Imported);
        Assert.Equal(4, first.Updated + first.Unchanged);
        Assert.Empty(first.Failures);
        Assert.Contains(first.Notes, n => n.Reason.Contains("lam-duong.jpg", StringComparison.Ordinal));

        var articles = await ImportedAsync(app);
        Assert.Equal(5, articles.Count);
        var post = articles.Single(a => a.ImportSourceKey == "wp:12");
        Assert.Equal("Hội nghị tổng kết 10 năm thực hiện Kết luận số 62-KL/TW", post.Title);
        Assert.Equal(new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(1520, post.ViewCount);
        Assert.Equal("Nguyễn Văn An", post.AuthorName);
        Assert.Equal("Xây dựng Đảng", post.Category!.Name);
        Assert.Equal(ArticleStatus.Published, post.Status);
        Assert.Matches("<figure><img [^>]*src=\"/media/[^\"]+\"[^>]*><figcaption>Quang cảnh Hội nghị tổng kết</figcaption></figure>", post.BodyHtml);
        Assert.DoesNotContain("[caption", post.BodyHtml, StringComparison.Ordinal);

        var blocks = articles.Single(a => a.ImportSourceKey == "wp:13");
        Assert.Equal(new DateTime(2019, 11, 20, 1, 30, 0, DateTimeKind.Utc), blocks.PublishedAt);
        Assert.Equal("Trần Thị Lan", blocks.AuthorName);
        Assert.DoesNotContain("wp:", blocks.BodyHtml, StringComparison.Ordinal);
        var postUrl = ArticleUrls.Article(post.Category.Slug, post.Slug, post.Id);
        var blocksUrl = ArticleUrls.Article(blocks.Category!.Slug, blocks.Slug, blocks.Id);
        Assert.Contains($"href=\"{postUrl}\"", blocks.BodyHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"{blocksUrl}\"", post.BodyHtml, StringComparison.Ordinal);

        Assert.Equal(ArticleStatus.Draft, articles.Single(a => a.ImportSourceKey == "wp:14").Status);
        Assert.Equal("ctv_quexuan", articles.Single(a => a.ImportSourceKey == "wp:18").AuthorName);
        Assert.Equal(WordPressExportSource.PagesCategory, articles.Single(a => a.ImportSourceKey == "wp:20").Category!.Name);

        // The permalink, /?p=ID and /?page_id=ID answer 301 with the new address.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var old in new[] { "/?p=12", "/2019/10/03/hoi-nghi-tong-ket/" })
        {
            using var response = await client.GetAsync(new Uri(old, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(postUrl, response.Headers.Location!.OriginalString);
        }

        using (var page = await client.GetAsync(new Uri(postUrl, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Again: nothing new, nothing duplicated.
        var second = await RunAsync(app, new WordPressExportSource(Export, uploads));
        Assert.Equal(0, second.Imported);
        Assert.Equal(0, second.Updated);
        Assert.Equal(5, second.Unchanged);
        Assert.Equal(5, (await ImportedAsync(app)).Count);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "wordpress", name);

    private static string CreateUploads()
    {
        var root = Path.Combine(Path.GetTempPath(), "sen-wp-uploads-" + Guid.NewGuid().ToString("N"));
        foreach (var relative in new[] { "2019/10/hoi-nghi.jpg", "2019/11/dan-van.jpg" })
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var image = new Image<Rgb24>(12, 8, new Rgb24(30, 90, 200));
            image.SaveAsJpeg(path);
        }

        return root;
    }

    private WebApplicationFactory<Program> WithMedia() =>
        factory.WithWebHostBuilder(b => b.UseSetting("Media:Path", Path.Combine(Path.GetTempPath(), "sen-import-tests", Guid.NewGuid().ToString("N"))));

    private static async Task<ImportSummary> RunAsync(WebApplicationFactory<Program> app, IImportSource source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(source, new ImportOptions(), null, Ct);
    }

    private static async Task<List<Article>> ImportedAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenDbContext>().Articles.AsNoTracking().Include(a => a.Category)
            .Where(a => a.ImportSourceKey != null && EF.Functions.Like(a.ImportSourceKey, "wp:%")).OrderBy(a => a.Id).ToListAsync(Ct);
    }
}

public sealed class SqliteWordPressImportTests(SqliteAppFactory factory) : WordPressImportTests<SqliteAppFactory>(factory);

public sealed class PostgresWordPressImportTests(PostgresAppFactory factory) : WordPressImportTests<PostgresAppFactory>(factory);
