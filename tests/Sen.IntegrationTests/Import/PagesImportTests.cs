using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Import.Pages;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Import;

/// <summary>`sen import pages` on the saved-page fixtures (several portals, broken pages), the pipeline's guarantees on generated items.</summary>
public abstract class PagesImportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saved_pages_import_with_date_views_author_images_and_category_and_again_change_nothing()
    {
        factory.RequireProvider();
        await using var app = WithMedia();
        var first = await RunAsync(app, new SavedPagesSource(Path.Combine(Fixtures, "pages"), PageSelectors.None), new ImportOptions());

        Assert.Equal(7, first.Imported);
        Assert.Equal(1, first.Unchanged);
        var failure = Assert.Single(first.Failures);
        Assert.Contains("trang-trong.html", failure.Source, StringComparison.Ordinal);
        Assert.Contains(first.Notes, n => n.Source.Contains("khong-co-ngay", StringComparison.Ordinal) && n.Reason.Contains("draft", StringComparison.Ordinal));
        Assert.Contains(first.Notes, n => n.Reason.Contains("khong-co-anh.jpg", StringComparison.Ordinal));
        Assert.Contains(first.Notes, n => n.Reason.Contains("duplicate", StringComparison.Ordinal));
        Assert.True(first.LinksRewritten >= 1);

        var articles = await ImportedAsync(app, "pages:");
        var liferay = articles.Single(a => a.Title == "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15");
        Assert.Equal(new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc), liferay.PublishedAt);
        Assert.Equal(1234, liferay.ViewCount);
        Assert.Equal("Nguyễn Văn An", liferay.AuthorName);
        Assert.Equal("Tin cũ", liferay.Category!.Name);
        Assert.Equal(ArticleStatus.Published, liferay.Status);
        Assert.Matches("<figure><img src=\"/media/[^\"]+\"[^>]*><figcaption>Quang cảnh hội nghị.</figcaption></figure>", liferay.BodyHtml);
        Assert.DoesNotContain("Chia sẻ", liferay.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản quyền", liferay.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Ngày đăng", liferay.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Tác giả", liferay.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(1, liferay.LatestRevision);
        Assert.Equal(1, liferay.PublishedRevision);

        var dnn = articles.Single(a => a.Title == "Công tác dân vận năm 2013");
        Assert.Equal(new DateTime(2013, 12, 5, 8, 42, 27, DateTimeKind.Utc), dnn.PublishedAt);
        Assert.Equal(56, dnn.ViewCount);
        Assert.Equal("Trần Thị Bình", dnn.AuthorName);
        Assert.Contains("“Dân vận khéo”", dnn.BodyHtml, StringComparison.Ordinal);
        var dnnUrl = ArticleUrls.Article(dnn.Category!.Slug, dnn.Slug, dnn.Id);
        Assert.Contains($"href=\"{dnnUrl}\"", liferay.BodyHtml, StringComparison.Ordinal);

        var sharepoint = articles.Single(a => a.Title == "Kinh tế tỉnh tăng trưởng khá");
        Assert.Equal(new DateTime(2019, 10, 2, 17, 0, 0, DateTimeKind.Utc), sharepoint.PublishedAt);
        Assert.Equal(12, sharepoint.ViewCount);
        Assert.Equal("kinh-te", sharepoint.Category!.Slug);

        var joomla = articles.Single(a => a.Title.StartsWith("Học tập và làm theo", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2019, 10, 3, 4, 5, 0, DateTimeKind.Utc), joomla.PublishedAt);
        Assert.Equal("Lê Minh Châu", joomla.AuthorName);
        Assert.DoesNotContain("<img", joomla.BodyHtml, StringComparison.Ordinal);

        var truncated = articles.Single(a => a.Title == "Tin bị cắt giữa chừng");
        Assert.Contains("Đoạn đầu tiên", truncated.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("", truncated.AuthorName);

        var undated = articles.Single(a => a.Title == "Thông báo không có ngày");
        Assert.Equal(ArticleStatus.Draft, undated.Status);
        Assert.Null(undated.PublishedAt);

        var wrongCharset = articles.Single(a => a.Title == "Đảng bộ xã đạt trong sạch, vững mạnh");
        Assert.Contains("tiêu biểu năm 2019", wrongCharset.BodyHtml, StringComparison.Ordinal);

        // Old addresses answer 301 with the new one, however the query is written; the new page answers.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var old = await client.GetAsync(new Uri("/default.aspx?ItemID=987&tabid=54", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal(dnnUrl, old.Headers.Location!.OriginalString);
        }

        using (var page = await client.GetAsync(new Uri(dnnUrl, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Công tác dân vận năm 2013", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Again: nothing new, nothing duplicated.
        var second = await RunAsync(app, new SavedPagesSource(Path.Combine(Fixtures, "pages"), PageSelectors.None), new ImportOptions());
        Assert.Equal(0, second.Imported);
        Assert.Equal(0, second.Updated);
        Assert.Equal(8, second.Unchanged);
        Assert.Single(second.Failures);
        Assert.Equal(articles.Count, (await ImportedAsync(app, "pages:")).Count);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<SenDbContext>().AuditEntries.AnyAsync(e => e.Action == AuditActions.ImportRun, Ct));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_selectors_from_the_config_read_a_portal_the_heuristics_cannot()
    {
        factory.RequireProvider();
        await using var app = WithMedia();
        var selectors = PageSelectors.Load(Path.Combine(Fixtures, "selectors.json"));
        var before = await CountsAsync(app);

        var dry = await RunAsync(app, new SavedPagesSource(Path.Combine(Fixtures, "selector-pages"), selectors), new ImportOptions(DryRun: true));
        Assert.Equal(1, dry.Imported);
        Assert.Equal(before, await CountsAsync(app));

        var real = await RunAsync(app, new SavedPagesSource(Path.Combine(Fixtures, "selector-pages"), selectors), new ImportOptions(Status: ImportStatus.Draft));
        Assert.Equal(1, real.Imported);
        var article = Assert.Single(await ImportedAsync(app, "pages:rieng.html"));
        Assert.Equal("Bài đọc bằng bộ chọn", article.Title);
        Assert.Equal(3456, article.ViewCount);
        Assert.Equal("Phạm Quang Dũng", article.AuthorName);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.DoesNotContain("Quảng cáo", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Quang Dũng", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_import_resumes_without_duplicates_and_links_between_items_point_at_their_new_addresses()
    {
        factory.RequireProvider();
        await using var app = WithMedia();
        var name = "gen-" + typeof(TFactory).Name[..4].ToLowerInvariant();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var interrupted = await RunAsync(app, new GeneratedSource(name, 40, n => { if (n == 25) { stop.Cancel(); } }), new ImportOptions(BatchSize: 10), stop.Token);
        Assert.True(interrupted.Cancelled);
        Assert.Equal(20, interrupted.Imported);
        Assert.Equal(20, (await ImportedAsync(app, name + ":")).Count);

        var resumed = await RunAsync(app, new GeneratedSource(name, 40), new ImportOptions(BatchSize: 10));
        Assert.False(resumed.Cancelled);
        Assert.Equal(20, resumed.Imported);
        Assert.Equal(20, resumed.Unchanged);
        var articles = await ImportedAsync(app, name + ":");
        Assert.Equal(40, articles.Count);
        Assert.Equal(40, articles.Select(a => a.ImportSourceKey).Distinct().Count());

        // Every body links to the next item: at its new address, not the old portal's.
        var second = articles.Single(a => a.ImportSourceKey == name + ":2");
        var first = articles.Single(a => a.ImportSourceKey == name + ":1");
        Assert.Contains($"href=\"{ArticleUrls.Article(second.Category!.Slug, second.Slug, second.Id)}\"", first.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("nhập, thử", first.Keywords);
    }

    [Fact]
    public async Task A_mapped_category_receives_the_items_and_a_map_to_nowhere_stops_before_reading()
    {
        factory.RequireProvider();
        await using var app = WithMedia();
        await using var scope = app.Services.CreateAsyncScope();
        var target = await scope.ServiceProvider.GetRequiredService<SenDbContext>().Categories.OrderBy(c => c.Id).FirstAsync(Ct);
        var name = "map-" + typeof(TFactory).Name[..4].ToLowerInvariant();
        var summary = await RunAsync(app, new GeneratedSource(name, 3, categoryPath: ["Tin tức", "Tin cũ"]), new ImportOptions(Maps: [new CategoryMapping("Tin cũ", target.Slug)]));
        Assert.Equal(3, summary.Imported);
        Assert.All(await ImportedAsync(app, name + ":"), a => Assert.Equal(target.Id, a.CategoryId));

        await Assert.ThrowsAsync<ImportSetupException>(() =>
            RunAsync(app, new GeneratedSource(name + "x", 3), new ImportOptions(Maps: [new CategoryMapping("Tin cũ", "khong-co-chuyen-muc-nay")])));
        Assert.Empty(await ImportedAsync(app, name + "x:"));
    }

    private WebApplicationFactory<Program> WithMedia() =>
        factory.WithWebHostBuilder(b => b.UseSetting("Media:Path", Path.Combine(Path.GetTempPath(), "sen-import-tests", Guid.NewGuid().ToString("N"))));

    private static async Task<ImportSummary> RunAsync(WebApplicationFactory<Program> app, IImportSource source, ImportOptions options, CancellationToken? cancellationToken = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(source, options, null, cancellationToken ?? Ct);
    }

    private static async Task<List<Article>> ImportedAsync(WebApplicationFactory<Program> app, string keyPrefix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenDbContext>().Articles.AsNoTracking().Include(a => a.Category)
            .Where(a => a.ImportSourceKey != null && EF.Functions.Like(a.ImportSourceKey, keyPrefix + "%")).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private static async Task<(int Articles, int Redirects, int Categories, int Revisions)> CountsAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        return (await db.Articles.CountAsync(Ct), await db.Redirects.CountAsync(Ct), await db.Categories.CountAsync(Ct), await db.ArticleRevisions.CountAsync(Ct));
    }
}

public sealed class SqlitePagesImportTests(SqliteAppFactory factory) : PagesImportTests<SqliteAppFactory>(factory);

public sealed class PostgresPagesImportTests(PostgresAppFactory factory) : PagesImportTests<PostgresAppFactory>(factory);
