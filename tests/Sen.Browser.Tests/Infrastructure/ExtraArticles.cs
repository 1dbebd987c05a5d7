using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Import.Pages;
using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// Prepares the data folder before Sen starts: the schema and demo content through Sen's own
/// initializer, then enough extra articles in "Tin cơ sở" that "Tin tức - Sự kiện" has a second page, and
/// for the newsroom's pages a submission waiting for approval and a month of readers' views.
/// </summary>
public static class ExtraArticles
{
    public const int Count = 30;

    private static readonly string[] Places = ["Tam Kỳ", "Hội An", "Điện Bàn", "Duy Xuyên", "Thăng Bình", "Quế Sơn", "Hiệp Đức", "Tiên Phước", "Phú Ninh", "Núi Thành"];

    private static readonly string[] Topics =
    [
        "Sơ kết công tác xây dựng Đảng",
        "Tập huấn nghiệp vụ công tác dân vận",
        "Trao Huy hiệu Đảng cho đảng viên lão thành",
        "Học tập, quán triệt nghị quyết của Tỉnh ủy",
        "Đối thoại giữa người đứng đầu cấp ủy với nhân dân",
    ];

    public static async Task SeedAsync(string dataPath, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(
        [
            "--Sen:DataPath=" + dataPath,
            "--Database:Provider=Sqlite",
            "--ConnectionStrings:Default=",
            "--Database:Migrate=true",
            "--Database:SeedDemoContent=true",
            "--Logging:LogLevel:Default=Warning",
        ]);
        SenApp.AddServices(builder);
        await using (var app = builder.Build())
        {
            await app.Services.InitializeDatabaseAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
            var category = await db.Categories.SingleAsync(c => c.Slug == "tin-co-so", cancellationToken);
            var now = DateTime.UtcNow;
            for (var i = 1; i <= Count; i++)
            {
                // Older than the demo articles, so the featured article and the newest entries stay the demo ones.
                var published = VietnamTime.ToUtc(new DateTime(2019, 9, 1, 8, 0, 0).AddDays(-i).AddMinutes(i));
                var place = Places[i % Places.Length];
                var title = string.Create(CultureInfo.InvariantCulture, $"{place}: {Topics[i % Topics.Length]} (bài {i})");
                db.Articles.Add(new Article
                {
                    SiteId = category.SiteId,
                    CategoryId = category.Id,
                    Title = title,
                    Slug = Slug.From(title),
                    Lead = $"Tin từ cơ sở {place}: hoạt động của cấp ủy, chi bộ và đảng viên trên địa bàn.",
                    BodyHtml = SafeHtml.Sanitize($"<p>Các chi bộ trên địa bàn {place} đã tổ chức hội nghị với sự tham dự của đông đảo đảng viên.</p><p>Hội nghị thống nhất các giải pháp nâng cao chất lượng sinh hoạt chi bộ trong thời gian tới.</p>"),
                    AuthorName = "Phóng viên",
                    AuthorUnit = "Ban Tuyên giáo Tỉnh ủy",
                    Status = ArticleStatus.Published,
                    PublishedAt = published,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await SeedNewsroomAsync(scope.ServiceProvider, category.Id, cancellationToken);
            await ImportSavedPageAsync(scope.ServiceProvider, cancellationToken);
        }

        // The server process opens the same file next; no pooled connection of ours may hold it.
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// A page saved from an old Liferay portal, with its photo and caption, imported by `sen import pages`'s own
    /// runner: the imported article is one of the public page types (<see cref="PublicPage.ImportedArticlePath"/>).
    /// </summary>
    private static async Task ImportSavedPageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "imported");
        var summary = await services.GetRequiredService<ImportRunner>()
            .RunAsync(new SavedPagesSource(folder, PageSelectors.None), new ImportOptions(), null, cancellationToken);
        if (summary.Imported != 1 || summary.Failed != 0)
        {
            throw new InvalidOperationException($"The saved page was not imported: {summary.Imported} imported, {string.Join("; ", summary.Failures.Select(f => f.Reason))}");
        }

        var db = services.GetRequiredService<SenDbContext>();
        var imported = await db.Articles.Include(a => a.Category).SingleAsync(a => a.ImportSourceKey != null, cancellationToken);
        var path = ArticleUrls.Article(imported.Category!.Slug, imported.Slug, imported.Id);
        if (path != PublicPage.ImportedArticlePath)
        {
            throw new InvalidOperationException($"The imported article is at {path}: set PublicPage.ImportedArticlePath to it.");
        }
    }

    /// <summary>An article submitted through the newsroom's own handlers (so the audit log has entries with changes) and views for the dashboard.</summary>
    private static async Task SeedNewsroomAsync(IServiceProvider services, int categoryId, CancellationToken cancellationToken)
    {
        services.GetRequiredService<CurrentUser>().ActAs(Actor.System("kiểm thử trình duyệt"));
        var fields = new ArticleFields("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12", "", "Bài chờ duyệt cho bảng điều khiển.", "<p>Nội dung bài chờ duyệt.</p>", categoryId, "Phóng viên", "Ban Tuyên giáo Tỉnh ủy");
        var created = await services.GetRequiredService<CreateArticle>().HandleAsync(new CreateArticle.Command(fields), cancellationToken);
        if (!created.Succeeded || !(await services.GetRequiredService<SubmitArticle>().HandleAsync(new SubmitArticle.Command(created.ArticleId!.Value), cancellationToken)).Succeeded)
        {
            throw new InvalidOperationException($"The newsroom seed failed: {created.MessageKey}");
        }

        var db = services.GetRequiredService<SenDbContext>();
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTime.UtcNow));
        var articles = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).Take(5).ToListAsync(cancellationToken);
        for (var day = 0; day < 30; day += 1 + (day % 4))
        {
            for (var i = 0; i < articles.Count; i++)
            {
                db.ArticleViewsDaily.Add(new ArticleViewsDaily { ArticleId = articles[i], Day = today.AddDays(-day), Views = ((day * 37) + (i * 53)) % 400 + 1 });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
