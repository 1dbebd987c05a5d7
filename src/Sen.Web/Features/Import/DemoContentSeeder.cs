using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Links;
using Sen.Web.Features.Polls;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>
/// Fills an empty database with a working portal: the site, its menus and links, the seed article
/// imported through the legacy importer, and a handful of further articles so no list is empty.
/// </summary>
public sealed class DemoContentSeeder(SenDbContext db, ImportLegacyPage importer, TimeProvider clock, ILogger<DemoContentSeeder> logger)
{
    public const string SeedArticleCategorySlug = "cong-tac-dan-van";
    public const string DemoPollQuestion = "Bạn đánh giá như thế nào về cổng thông tin này?";
    private const string SeedResource = "Sen.DemoContent.seed-article.txt";

    public static string ReadSeedText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"Embedded resource {SeedResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Sites.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var parsed = LegacyPageParser.Parse(ReadSeedText());
        if (!parsed.Succeeded)
        {
            throw new InvalidOperationException("The embedded seed article does not parse: " + string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }

        var page = parsed.Page!;
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var site = new Site
            {
                Key = SiteContext.DefaultKey,
                Name = page.SiteName,
                WelcomeLine = page.WelcomeLine,
                FooterAgency = "Cơ quan chủ quản: Tỉnh ủy Quảng Nam (dữ liệu mẫu)",
                FooterAddress = "Tam Kỳ, Quảng Nam",
                FooterPhone = "0235 3810 000",
                FooterEmail = "banbientap@example.vn",
                LicenceLine = "Giấy phép thiết lập trang thông tin điện tử: số liệu mẫu, thay trong phần quản trị.",
                UpdatedAt = now,
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var categories = DemoCategories(site.Id, now);
            db.Categories.AddRange(categories);
            db.WebsiteLinks.AddRange(DemoLinks(site.Id));
            db.Polls.Add(DemoPoll(site.Id, page.PollQuestion, now));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await importer.EnsureSideMenuAsync(site.Id, page.SideMenu, cancellationToken).ConfigureAwait(false);

            var seedCategory = categories.Single(c => c.Slug == SeedArticleCategorySlug);
            await importer.HandleAsync(new ImportLegacyPage.Command(site.Id, seedCategory.Id, page, "/img/demo/hoi-nghi.svg"), cancellationToken).ConfigureAwait(false);

            var bySlug = await db.Categories.Where(c => c.SiteId == site.Id).ToDictionaryAsync(c => c.Slug, cancellationToken).ConfigureAwait(false);
            foreach (var demo in DemoArticles.All)
            {
                db.Articles.Add(new Article
                {
                    SiteId = site.Id,
                    CategoryId = bySlug[demo.CategorySlug].Id,
                    Title = demo.Title,
                    Slug = Slug.From(demo.Title),
                    Lead = demo.Lead,
                    BodyHtml = demo.BodyHtml,
                    AuthorName = demo.Author,
                    AuthorUnit = demo.Unit,
                    Status = ArticleStatus.Published,
                    IsFeatured = demo.Featured,
                    PublishedAt = VietnamTime.ToUtc(demo.PublishedLocal),
                    ViewCount = demo.Views,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        logger.LogInformation("Loaded the demo content: the seed article and {Count} more articles.", DemoArticles.All.Count);
        return true;
    }

    private static List<Category> DemoCategories(int siteId, DateTime now)
    {
        Category Top(string name, int order, string description) => new()
        {
            SiteId = siteId,
            Name = name,
            Slug = Slug.From(name),
            SortOrder = order,
            ShowInMenu = true,
            Description = description,
            UpdatedAt = now,
        };

        var news = Top("Tin tức - Sự kiện", 1, "Tin hoạt động của các cấp ủy, tổ chức đảng trong tỉnh.");
        var partyBuilding = Top("Xây dựng Đảng", 2, "Công tác tổ chức, kiểm tra, giám sát và xây dựng Đảng trong sạch, vững mạnh.");
        var massMobilization = Top("Công tác Dân vận", 3, "Hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội và phong trào Dân vận khéo.");
        var hoChiMinh = Top("Học tập và làm theo Bác", 4, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.");
        var districts = new Category
        {
            SiteId = siteId,
            Name = "Tin cơ sở",
            Slug = "tin-co-so",
            Parent = news,
            SortOrder = 1,
            ShowInMenu = true,
            UpdatedAt = now,
            Description = "Tin từ các huyện, thị xã, thành phố và đảng bộ trực thuộc.",
        };
        return [news, partyBuilding, massMobilization, hoChiMinh, districts];
    }

    /// <summary>The seed page's poll, open from now on, with the answers such a portal asks for.</summary>
    private static Poll DemoPoll(int siteId, string? question, DateTime now) => new()
    {
        SiteId = siteId,
        Question = string.IsNullOrWhiteSpace(question) ? DemoPollQuestion : question,
        Kind = PollKind.SingleChoice,
        Status = PollStatus.Open,
        CreatedAt = now,
        UpdatedAt = now,
        Options =
        [
            new() { Text = "Rất tốt", SortOrder = 1 },
            new() { Text = "Tốt", SortOrder = 2 },
            new() { Text = "Bình thường", SortOrder = 3 },
            new() { Text = "Chưa tốt", SortOrder = 4 },
        ],
    };

    private static IEnumerable<WebsiteLink> DemoLinks(int siteId) =>
    [
        new() { SiteId = siteId, SortOrder = 1, Title = "Báo điện tử Đảng Cộng sản Việt Nam", Url = "https://dangcongsan.vn" },
        new() { SiteId = siteId, SortOrder = 2, Title = "Cổng Thông tin điện tử Chính phủ", Url = "https://chinhphu.vn" },
        new() { SiteId = siteId, SortOrder = 3, Title = "Tạp chí Cộng sản", Url = "https://tapchicongsan.org.vn" },
        new() { SiteId = siteId, SortOrder = 4, Title = "Cổng thông tin điện tử tỉnh Quảng Nam", Url = "https://quangnam.gov.vn" },
        new() { SiteId = siteId, SortOrder = 5, Title = "Báo Quảng Nam", Url = "https://baoquangnam.vn" },
    ];
}
