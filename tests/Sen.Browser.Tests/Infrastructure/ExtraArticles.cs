using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// Prepares the data folder before Sen starts: the schema and demo content through Sen's own
/// initializer, then enough extra articles in "Tin cơ sở" that "Tin tức - Sự kiện" has a second page.
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
        }

        // The server process opens the same file next; no pooled connection of ours may hold it.
        SqliteConnection.ClearAllPools();
    }
}
